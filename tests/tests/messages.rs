//! Messages and codes of the user's: a rule's own `message` and `code`
//! (also inside `items(…)`), `Violation::code`, a custom rule's message
//! standing alone, issues a handler adds, and a model's own rule running
//! beside broken field rules.

use model_core::axum::ApiRejection;
use model_core::{ApiModel, Issue, ValidationError, Violation};
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Deserialize, ApiModel)]
#[api(validate = TicketCreate::dated)]
struct TicketCreate {
    #[api(min_length = 3, message = "a title says what went wrong, in a few words")]
    #[api(max_length = 80, code = "title_too_long")]
    title: String,
    #[api(minimum = 1, maximum = 5, message = "priority is 1 (urgent) to 5", code = "bad_priority")]
    priority: u8,
    #[serde(default)]
    #[api(items(min_length = 1, message = "a tag is never empty", code = "empty_tag"))]
    tags: Vec<String>,
    urgent: bool,
    due: Option<String>,
}

impl TicketCreate {
    fn dated(&self) -> Result<(), Violation> {
        match (self.urgent, &self.due) {
            (true, None) => Err(Violation::new("an urgent ticket needs a due date")
                .at("due")
                .code(model_core::code!("needs_due_date"))),
            _ => Ok(()),
        }
    }
}

/// `(pointer, code, detail, expected)` of each issue.
fn found(error: &ValidationError) -> Vec<(String, String, String, String)> {
    error
        .issues()
        .iter()
        .map(|issue| (issue.pointer().to_owned(), issue.code().to_owned(), issue.detail(), issue.expected().to_owned()))
        .collect()
}

fn row(pointer: &str, code: &str, detail: &str, expected: &str) -> (String, String, String, String) {
    (pointer.to_owned(), code.to_owned(), detail.to_owned(), expected.to_owned())
}

#[test]
fn a_rules_message_and_code_replace_its_text_and_code_the_rules_text_stays_as_expected() {
    let json = r#"{"title": "PC", "priority": 9, "tags": ["ok", ""], "urgent": false}"#;
    let error = TicketCreate::from_json(json).unwrap_err();
    assert_eq!(
        found(&error),
        [
            row("/title", "too_short", "a title says what went wrong, in a few words", "at least 3 characters"),
            row("/priority", "bad_priority", "priority is 1 (urgent) to 5", "at most 5"),
            row("/tags/1", "empty_tag", "a tag is never empty", "at least 1 character"),
        ]
    );
    // The code alone: the text stays the rule's own.
    let long = format!(r#"{{"title": "{}", "priority": 1, "urgent": false}}"#, "x".repeat(81));
    let error = TicketCreate::from_json(&long).unwrap_err();
    assert_eq!(
        found(&error),
        [row("/title", "title_too_long", "expected at most 80 characters, got 81", "at most 80 characters")]
    );
    // The same from `validate()`, with no text.
    let typed: TicketCreate = serde_json::from_str(json).unwrap();
    assert_eq!(found(&typed.validate().unwrap_err()), found(&TicketCreate::from_json(json).unwrap_err()));
}

#[test]
fn a_model_rule_runs_beside_broken_field_rules_with_its_code_and_its_message_alone() {
    let json = r#"{"title": "PC", "priority": 3, "urgent": true, "due": null}"#;
    let error = TicketCreate::from_json(json).unwrap_err();
    assert_eq!(
        found(&error),
        [
            row("/title", "too_short", "a title says what went wrong, in a few words", "at least 3 characters"),
            row("/due", "needs_due_date", "an urgent ticket needs a due date", "an urgent ticket needs a due date"),
        ]
    );
    let text = error.to_string();
    assert!(text.contains("/due: needs_due_date in `due`, an urgent ticket needs a due date at 1:"), "{text}");
    assert!(!text.contains("expected an urgent"), "{text}");
    // A code that is not snake_case is replaced, not passed to a client.
    let error = Odd::from_json(r#"{"n": 1}"#).unwrap_err();
    assert_eq!((error.issues()[0].code(), error.issues()[0].detail().as_str()), ("invalid_value", "odd"));
}

#[derive(Debug, Deserialize, ApiModel)]
#[api(validate = Odd::never)]
struct Odd {
    #[allow(dead_code)]
    n: u8,
}

impl Odd {
    fn never(&self) -> Result<(), Violation> {
        Err(Violation::new("odd").code("Not A Code"))
    }
}

#[test]
fn a_handler_adds_its_own_issues_and_answers_them_as_a_parsed_report() {
    // A problem only the handler sees, beside the parser's.
    let json = r#"{"title": "Printer on fire", "priority": 9, "urgent": false}"#;
    let mut error = TicketCreate::from_json(json).unwrap_err();
    error.push(Issue::custom("/title", "title_taken", "a ticket with this title is open already"));
    let codes: Vec<&str> = error.issues().iter().map(Issue::code).collect();
    assert_eq!(codes, ["bad_priority", "title_taken"]);

    // A report of its own, as a 422 problem+json.
    let taken = Issue::custom("/title", "title_taken", "a ticket with this title is open already");
    let own = ValidationError::from_issues("TicketCreate", vec![taken]).unwrap();
    let problem = ApiRejection::Invalid(own).problem();
    assert_eq!(
        problem,
        json!({
            "type": "about:blank",
            "title": "Unprocessable Content",
            "status": 422,
            "detail": "invalid TicketCreate: 1 issue",
            "errors": [{
                "pointer": "/title",
                "code": "title_taken",
                "detail": "a ticket with this title is open already",
                "wire_name": "title",
                "expected": "a ticket with this title is open already",
            }],
        })
    );
    assert!(ValidationError::from_issues("TicketCreate", Vec::new()).is_none());
    // A code that is not snake_case becomes `invalid_value`.
    assert_eq!(Issue::custom("/x", "Bad Code", "m").code(), "invalid_value");
    assert_eq!(Issue::custom("", "whole_body", "m").wire_name(), None);
    assert_eq!(Issue::custom("/items/3", "gone", "m").wire_name(), Some("items"));
}

/// A ticket, as a client opens it.
#[derive(Debug, Deserialize, ApiModel)]
#[api(validate = Dated::dated, description = "an urgent ticket has a due date")]
struct Dated {
    urgent: bool,
    due: Option<String>,
}

impl Dated {
    fn dated(&self) -> Result<(), Violation> {
        if self.urgent && self.due.is_none() {
            return Err(Violation::new("an urgent ticket needs a due date").at("due"));
        }
        Ok(())
    }
}

#[test]
fn a_model_rules_description_is_in_the_docs_and_the_schema() {
    let page = Dated::docs_markdown();
    assert!(page.contains("**Rule:** an urgent ticket has a due date"), "{page}");
    let schema = Dated::json_schema();
    assert_eq!(schema["description"], "A ticket, as a client opens it.\n\nRule: an urgent ticket has a due date");
    assert_eq!(<Dated as model_core::ApiStruct>::doc().rule, Some("an urgent ticket has a due date"));
}

fn no_spaces(text: &str) -> Result<(), String> {
    match text.contains(' ') {
        true => Err(format!("found a space in {text:?}")),
        false => Ok(()),
    }
}

#[derive(Debug, Deserialize, ApiModel)]
struct Room {
    #[api(validate = no_spaces, message = "a room name has no spaces", code = "spaced_room")]
    name: String,
}

#[test]
fn a_custom_field_rule_is_documented_by_its_message_not_its_rust_path() {
    let page = Room::docs_markdown();
    assert!(page.contains("**Rules:** a room name has no spaces."), "{page}");
    assert!(!page.contains("no_spaces"), "{page}");
    let error = Room::from_json(r#"{"name": "a b"}"#).unwrap_err();
    assert_eq!(
        (error.issues()[0].code(), error.issues()[0].detail().as_str()),
        ("spaced_room", "a room name has no spaces")
    );
}

/// A second language: rules by their key, type errors by their code, and a
/// fallback for the rest; a user's message stays as written.
struct German;

impl model_core::messages::Messages for German {
    fn template(&self, key: &str) -> Option<std::borrow::Cow<'_, str>> {
        Some(std::borrow::Cow::Borrowed(match key {
            "min_length" => "mindestens {limit} Zeichen[, erhalten: {received}]",
            "maximum" => "höchstens {limit}[, erhalten: {received}]",
            "invalid_type" => "erwartet: {expected}[, erhalten: {received}]",
            "missing" => "Pflichtfeld fehlt",
            "*" => "ungültig: {expected}",
            _ => return None,
        }))
    }
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)] // Read only for its report.
struct Signup {
    #[api(min_length = 3)]
    login: String,
    #[api(maximum = 130)]
    age: u8,
    #[api(min_length = 8, message = "ein Passwort hat mindestens 8 Zeichen")]
    password: String,
    plan: String,
    #[serde(default)]
    #[api(pattern = "^[a-z]+$")]
    team: String,
}

#[test]
fn a_report_renders_in_another_language_from_its_params() {
    let json = r#"{"login": "Al", "age": 200, "password": "short", "team": 7}"#;
    let error = Signup::from_json(json).unwrap_err();
    let german: Vec<String> = error.issues().iter().map(|issue| issue.detail_in(&German)).collect();
    assert_eq!(
        german,
        [
            "mindestens 3 Zeichen, erhalten: 2",
            "höchstens 130, erhalten: 200",
            "ein Passwort hat mindestens 8 Zeichen",
            "erwartet: string, erhalten: number 7",
            "Pflichtfeld fehlt",
        ]
    );
    // The English table is what `detail` writes.
    for issue in error.issues() {
        assert_eq!(issue.detail_in(&model_core::messages::English), issue.detail());
    }
    // A rule's parameters are data, and in the JSON a client reads.
    let login = &error.issues()[0];
    let params: Vec<(&str, String)> =
        login.params().into_iter().map(|(name, value)| (name, value.into_owned())).collect();
    assert!(
        params.contains(&("rule", "min_length".to_owned())) && params.contains(&("limit", "3".to_owned())),
        "{params:?}"
    );
    let json = serde_json::to_value(login).unwrap();
    assert_eq!(json["params"], json!({"rule": "min_length", "limit": 3}));
    assert_eq!(json["code"], "too_short");
    // A type error has no rule: no params in its JSON.
    assert!(serde_json::to_value(&error.issues()[3]).unwrap().get("params").is_none());
    // A pattern's limit is the pattern.
    let error = Signup::from_json(r#"{"login": "Ada", "age": 1, "password": "long enough", "plan": "x", "team": "A"}"#)
        .unwrap_err();
    assert_eq!(
        serde_json::to_value(&error.issues()[0]).unwrap()["params"],
        json!({"rule": "pattern", "limit": "^[a-z]+$"})
    );
}

#[test]
fn a_template_of_any_shape_renders_without_panicking() {
    struct Odd(&'static str);
    impl model_core::messages::Messages for Odd {
        fn template(&self, _: &str) -> Option<std::borrow::Cow<'_, str>> {
            Some(std::borrow::Cow::Borrowed(self.0))
        }
    }
    let error = Signup::from_json(r#"{"login": "Al", "age": 1, "password": "long enough", "plan": "x"}"#).unwrap_err();
    let issue = &error.issues()[0];
    for template in ["", "[", "]", "{", "}", "[{", "{[}]", "[{limit}", "{limit", "a]b[c{d}e", "[[{limit}]]", "{}", "[]"]
    {
        let _ = issue.detail_in(&Odd(template));
    }
    assert_eq!(issue.detail_in(&Odd("[{limit} / {nothing}]{limit}")), "3");
}

/// A model a client knows as `ticket`, nested in another.
#[derive(Debug, Deserialize, ApiModel)]
#[api(title = "ticket")]
struct TicketBody {
    #[api(min_length = 1)]
    title: String,
}

#[derive(Debug, Deserialize, ApiModel)]
struct Batch {
    first: TicketBody,
}

#[test]
fn a_title_names_the_model_in_reports_and_the_schema_but_not_its_component() {
    let error = TicketBody::from_json(r#"{"title": ""}"#).unwrap_err();
    assert_eq!(error.model(), "ticket");
    assert!(error.to_string().starts_with("invalid ticket: 1 issue"), "{error}");
    let error = TicketBody::from_json("[]").unwrap_err();
    assert_eq!(error.issues()[0].detail(), "expected ticket, got array");
    let error = Batch::from_json(r#"{"first": 7}"#).unwrap_err();
    assert_eq!(
        (error.issues()[0].pointer(), &*error.issues()[0].detail()),
        ("/first", "expected ticket, got number 7")
    );
    let error = TicketBody::from_value(json!({"title": ""})).unwrap_err();
    assert_eq!(error.model(), "ticket");
    let error = model_core::from_pairs::<TicketBody, _, _>([("title", "")]).unwrap_err();
    assert_eq!(error.model(), "ticket");
    // The component keeps the Rust name, so two titles never clash in a document.
    let schema = Batch::json_schema();
    assert_eq!(schema["properties"]["first"]["$ref"], "#/$defs/TicketBody");
    assert_eq!(schema["$defs"]["TicketBody"]["title"], "ticket");
    assert!(TicketBody::docs_markdown().contains("Reports call it `ticket`."));
}

#[test]
fn unknown_values_carry_the_allowed_ones_as_a_param() {
    #[derive(Debug, ApiModel)]
    #[serde(rename_all = "snake_case")]
    enum State {
        Open,
        Closed,
    }
    #[derive(Debug, Deserialize, ApiModel)]
    #[serde(deny_unknown_fields)]
    struct Filter {
        state: State,
    }
    let error = Filter::from_json(r#"{"state": "opn", "sort": 1}"#).unwrap_err();
    let allowed: Vec<Option<String>> = error
        .issues()
        .iter()
        .map(|issue| {
            issue.params().into_iter().find(|(name, _)| *name == "allowed").map(|(_, value)| value.into_owned())
        })
        .collect();
    assert_eq!(allowed, [Some("`open`, `closed`".to_owned()), Some("`state`".to_owned())]);
    struct Spanish;
    impl model_core::messages::Messages for Spanish {
        fn template(&self, key: &str) -> Option<std::borrow::Cow<'_, str>> {
            (key == "unknown_variant").then_some(std::borrow::Cow::Borrowed("uno de {allowed}[, no {received}]"))
        }
    }
    assert_eq!(error.issues()[0].detail_in(&Spanish), "uno de `open`, `closed`, no string \"opn\"");
}
