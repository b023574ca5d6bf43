//! "Did you mean ...?" in kubectl's wording, on [`crate::suggest`].

pub use crate::suggest::closest;

/// ` (did you mean "x"?)` or nothing.
pub fn hint<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!(" (did you mean \"{c}\"?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_is_kubectl_shaped() {
        assert_eq!(hint("pood", ["pods", "nodes"]), " (did you mean \"pods\"?)");
        assert_eq!(hint("xyz", ["pods", "nodes"]), "");
    }
}
