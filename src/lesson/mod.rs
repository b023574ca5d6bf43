//! Lessons: the model, the loader and the course catalog.
//!
//! [`parse_lesson`] turns one file's text into a [`model::Lesson`];
//! [`Catalog`] holds a whole course (the embedded one or a `--lessons`
//! folder) keyed by lesson id, in Korean and English, with every load error
//! kept so one broken file never hides the others.

mod blocks;
pub mod catalog;
pub mod files;
mod front_matter;
pub mod loader;
pub mod model;
pub mod reload;
pub mod scaffold;
mod scan;
mod source;
mod validate;

pub use catalog::{Catalog, Entry, Found, Group};
pub use files::{LessonFile, OpenError};
pub use loader::parse_lesson;
