//! Lessons: the model, the loader and the course catalog.

pub mod model;
