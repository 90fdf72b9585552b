//! Team names as people see them: two names that look the same are the same name, and a
//! name that shows nothing is no name. A name is compared in one normal form (Unicode
//! NFKC, with the code points that take no room on screen removed and white space
//! collapsed, then lowercased), and kept as it was typed for display.

use icu_normalizer::ComposingNormalizerBorrowed;
use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory, GeneralCategoryGroup};
use icu_properties::{CodePointMapData, CodePointSetData};

/// Braille's blank pattern: a symbol by category that shows nothing.
const BRAILLE_BLANK: char = '\u{2800}';

/// The name in its normal form, as it is compared.
pub fn normal_form(name: &str) -> String {
    let ignorable = CodePointSetData::new::<DefaultIgnorableCodePoint>();
    let composed = ComposingNormalizerBorrowed::new_nfkc().normalize(name);
    let visible: String = composed.chars().filter(|c| !ignorable.contains(*c)).collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The name as typed, without the white space and invisible code points at its ends.
pub fn as_typed(name: &str) -> &str {
    let ignorable = CodePointSetData::new::<DefaultIgnorableCodePoint>();
    name.trim_matches(|c: char| c.is_whitespace() || ignorable.contains(c))
}

/// Whether a name shows nothing a person can read: only spaces, marks that combine with
/// nothing, controls, or blanks.
pub fn is_blank(name: &str) -> bool {
    let categories = CodePointMapData::<GeneralCategory>::new();
    let shows = |c: char| {
        let category = categories.get(c);
        !GeneralCategoryGroup::Mark.contains(category)
            && !GeneralCategoryGroup::Other.contains(category)
            && !GeneralCategoryGroup::Separator.contains(category)
            && c != BRAILLE_BLANK
    };
    !normal_form(name).chars().any(shows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_the_same_are_the_same() {
        let plain = normal_form("Team Een");
        for lookalike in ["Team\u{00A0}Een", "Team\u{200B} Een", "Team  Een", " team een ", "Ｔｅａｍ Ｅｅｎ"]
        {
            assert_eq!(normal_form(lookalike), plain, "{lookalike:?}");
        }
        assert_ne!(normal_form("Team Twee"), plain);
    }

    #[test]
    fn names_that_show_nothing_are_blank() {
        for blank in ["\u{2800}", "\u{0301}\u{0308}", "\u{200B}\u{200D}\u{FEFF}", "   ", "\u{3164}"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for name in ["007", "Burgerzaken", "é", "Ω"] {
            assert!(!is_blank(name), "{name:?}");
        }
        assert_eq!(as_typed("\u{200B} Alpha \u{FEFF}"), "Alpha");
    }
}
