//! Any bytes into `from_slice` and, when they are UTF-8, `from_json`: never a
//! panic, and always the same verdict as serde, with a non-empty report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_core::ApiModel;
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
    }
});
