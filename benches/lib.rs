//! Twins of the models that derive only serde, for comparison.
