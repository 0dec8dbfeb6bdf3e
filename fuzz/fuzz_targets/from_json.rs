//! Any bytes into `from_slice` and, when they are UTF-8, `from_json`: never a
//! panic, and always the same verdict as serde (and, for a model with rules,
//! as serde then `validate()`), with a non-empty report. Two models: the auth
//! link, and `model_tests::shapes::Everything` (data enums of every tagging,
//! flatten, `Patch`, rules, secrets in a map, an enum and behind an alias).
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_core::ApiModel;
use model_tests::shapes::Everything;
use models::ConnectSessionTokenAuthLink as AuthLink;

fuzz_target!(|data: &[u8]| {
    let serde_ok = serde_json::from_slice::<AuthLink>(data).is_ok();
    match AuthLink::from_slice(data) {
        Ok(_) => assert!(serde_ok, "Ok where serde refuses"),
        Err(error) => {
            assert!(!serde_ok, "Err where serde accepts");
            assert!(!error.issues().is_empty(), "an empty report");
            let _ = error.to_string();
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let serde_ok = serde_json::from_str::<AuthLink>(text).is_ok();
        assert_eq!(AuthLink::from_json(text).is_ok(), serde_ok);

        let accepted = serde_json::from_str::<Everything>(text).map(|value| value.validate().is_ok());
        match Everything::from_json(text) {
            Ok(_) => assert!(matches!(accepted, Ok(true)), "Ok where serde or a rule refuses"),
            Err(error) => {
                assert!(!matches!(accepted, Ok(true)), "Err where serde and the rules accept");
                assert!(!error.issues().is_empty(), "an empty report");
                let _ = serde_json::to_string(&error);
            }
        }
    }
});
