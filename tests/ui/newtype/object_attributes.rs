use model_core::ApiModel;

// A newtype is the value it holds: attributes about an object's keys have
// nothing to act on.
#[derive(serde::Deserialize, ApiModel)]
#[serde(deny_unknown_fields)]
#[api(builder)]
struct Slug(#[serde(rename = "slug")] String);

fn main() {}
