//! Real API models built with `#[derive(ApiModel)]`.
//!
//! The first is StackOne's [`ConnectSessionTokenAuthLink`], the object
//! `POST /connect_sessions` returns.
#![forbid(unsafe_code)]

mod connect_session;

pub use crate::connect_session::{
    ConnectSessionTokenAuthLink, ConnectSessionTokenAuthLinkBuilder, ConnectSessionTokenAuthLinkCategories,
    ConnectSessionTokenAuthLinkType,
};
