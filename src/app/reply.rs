//! What a channel is asked to show: texts with buttons, pictures and files, in order.

use super::Action;
use crate::chart::Picture;

/// One button: its label in the person's language, and what a tap on it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub label: String,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// A text, with rows of buttons under it (none for a plain text). `headings` are the
    /// lines of it that head a section: a channel that shows structure (the web) marks
    /// them up as headings, the chat shows them as the lines they are.
    Text { text: String, buttons: Vec<Vec<Button>>, headings: Vec<String> },
    /// A picture, drawn as PNG by the channel that shows it, with a caption unless it is
    /// empty.
    Photo { picture: Box<Picture>, name: String, caption: String },
    /// A file, with a caption unless it is empty.
    Document { bytes: Vec<u8>, name: String, caption: String },
}

impl Part {
    /// A text without headings.
    pub fn text(text: String, buttons: Vec<Vec<Button>>) -> Part {
        Part::Text { text, buttons, headings: Vec::new() }
    }
}

/// The parts of a reply, in the order they are to be shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    pub parts: Vec<Part>,
}

impl Reply {
    pub fn text(text: String) -> Reply {
        Reply { parts: vec![Part::text(text, Vec::new())] }
    }

    /// A text with one button under it.
    pub fn with_button(text: String, button: Button) -> Reply {
        Reply { parts: vec![Part::text(text, vec![vec![button]])] }
    }

    pub fn push(&mut self, part: Part) {
        self.parts.push(part);
    }
}
