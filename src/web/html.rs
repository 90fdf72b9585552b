//! Pages as HTML: one layout (language, title, skip link, navigation, language switcher),
//! forms whose every control has a label, and the application's texts as paragraphs.
//! Everything a person typed or a flow says is escaped here, once. No script anywhere:
//! every page works without JavaScript.

use crate::app::Button;
use crate::lang::Lang;

/// Text made safe for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An application text (lines, blank lines between paragraphs) as paragraphs.
pub fn paragraphs(text: &str) -> String {
    sections(text, &[])
}

/// An application text as [`paragraphs`], with the lines in `headings` as headings of
/// level 2, each starting a section of its own.
pub fn sections(text: &str, headings: &[String]) -> String {
    sections_linking(text, headings, None)
}

/// [`sections`], with each address on this site (`own`, its origin) a link: the texts say
/// "share this link: …". Only our own: a team's name could be an address too.
pub fn sections_linking(text: &str, headings: &[String], own: Option<&str>) -> String {
    let mut out = String::new();
    let paragraph = |out: &mut String, lines: &mut Vec<String>| {
        if !lines.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
            lines.clear();
        }
    };
    for block in text.split("\n\n").filter(|block| !block.trim().is_empty()) {
        let mut lines = Vec::new();
        for line in block.lines() {
            if headings.iter().any(|heading| heading == line) {
                paragraph(&mut out, &mut lines);
                out.push_str(&format!("<h2>{}</h2>\n", escape(line)));
            } else {
                lines.push(line_html(line, own));
            }
        }
        paragraph(&mut out, &mut lines);
    }
    out
}

/// A line of text, escaped, with its bars of ▰▱ hidden from screen readers: they draw
/// what the words beside them say ("Question 4 of 23", "3,0"), and read aloud they are ten
/// "white parallelogram"s.
fn line_html(line: &str, own: Option<&str>) -> String {
    let is_bar = |c: char| matches!(c, '▰' | '▱');
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find(is_bar) {
        let end = rest[start..].find(|c: char| !is_bar(c)).map_or(rest.len(), |end| start + end);
        out.push_str(&with_links(&rest[..start], own));
        out.push_str(&format!("<span aria-hidden=\"true\">{}</span>", &rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(&with_links(rest, own));
    out
}

/// Text, escaped, with each address on the site whose origin is `own` a link.
fn with_links(text: &str, own: Option<&str>) -> String {
    let Some(own) = own.map(|own| own.trim_end_matches('/')).filter(|own| !own.is_empty()) else {
        return escape(text);
    };
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(own) {
        // An address ends at white space, a quote or a bracket; a full stop after it is
        // the sentence's. One that only starts like ours (`own.evil.example`) is none.
        let tail = &rest[start + own.len()..];
        let len =
            tail.find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>')).unwrap_or(tail.len());
        let path = tail[..len].trim_end_matches(['.', ',', ';', ':', ')']);
        let end = start + own.len() + path.len();
        out.push_str(&escape(&rest[..start]));
        if path.is_empty() || path.starts_with('/') {
            out.push_str(&format!("<a href=\"{0}\">{0}</a>", escape(&rest[start..end])));
        } else {
            out.push_str(&escape(&rest[start..end]));
        }
        rest = &rest[end..];
    }
    out.push_str(&escape(rest));
    out
}

/// The words the layout needs, in the person's language.
pub struct Chrome {
    pub lang: Lang,
    pub site: String,
    pub skip: String,
    /// (path, label) of each place in the navigation.
    pub nav: Vec<(&'static str, String)>,
    pub nav_label: String,
    pub language_label: String,
    pub language_button: String,
    /// (language, its name) for the switcher.
    pub languages: Vec<(Lang, String)>,
    pub cookie_note: String,
    pub csrf: Option<String>,
}

/// A whole page: `title` is the page's own (the `<title>` names the site after it).
pub fn page(chrome: &Chrome, title: &str, main: &str) -> String {
    let nav: String = chrome
        .nav
        .iter()
        .map(|(path, label)| format!("<li><a href=\"{path}\">{}</a></li>", escape(label)))
        .collect();
    let options: String = chrome
        .languages
        .iter()
        .map(|(lang, name)| {
            let selected = if *lang == chrome.lang { " selected" } else { "" };
            format!("<option value=\"{}\"{selected}>{}</option>", lang.tag(), escape(name))
        })
        .collect();
    let switcher = format!(
        "<form method=\"post\" action=\"/language\" class=\"language\">{csrf}\
         <label for=\"language\">{label}</label> <select id=\"language\" name=\"lang\">{options}</select> \
         <button type=\"submit\">{button}</button></form>",
        csrf = csrf_field(chrome.csrf.as_deref()),
        label = escape(&chrome.language_label),
        button = escape(&chrome.language_button),
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} – {site}</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">{skip}</a>\n\
         <header><p class=\"site\"><a href=\"/\">{site}</a></p>\n\
         <nav aria-label=\"{nav_label}\"><ul>{nav}</ul></nav>\n{switcher}</header>\n\
         <main id=\"main\">\n<h1>{title}</h1>\n{main}</main>\n\
         <footer><p>{cookie}</p></footer>\n</body>\n</html>\n",
        lang = chrome.lang.tag(),
        title = escape(title),
        site = escape(&chrome.site),
        skip = escape(&chrome.skip),
        nav_label = escape(&chrome.nav_label),
        cookie = escape(&chrome.cookie_note),
    )
}

/// The hidden field every form carries.
pub fn csrf_field(csrf: Option<&str>) -> String {
    csrf.map_or_else(String::new, |csrf| {
        format!("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", escape(csrf))
    })
}

/// Buttons of the application layer, each a small form that posts its action.
pub fn buttons(rows: &[Vec<Button>], csrf: Option<&str>) -> String {
    buttons_to("/act", rows, csrf)
}

/// Buttons that post their action to `target`.
pub fn buttons_to(target: &str, rows: &[Vec<Button>], csrf: Option<&str>) -> String {
    let buttons: String = rows
        .iter()
        .flatten()
        .map(|button| {
            format!(
                "<form method=\"post\" action=\"{}\">{}<button type=\"submit\" name=\"action\" value=\"{}\">{}</button></form>\n",
                escape(target),
                csrf_field(csrf),
                escape(&button.action.encode()),
                escape(&button.label),
            )
        })
        .collect();
    if buttons.is_empty() { buttons } else { format!("<div class=\"actions\">\n{buttons}</div>\n") }
}

/// A table with a caption and a header row, for figures a chart shows.
pub fn table(caption: &str, header: &[String], rows: &[Vec<String>]) -> String {
    let head: String = header.iter().map(|cell| format!("<th scope=\"col\">{}</th>", escape(cell))).collect();
    let body: String = rows
        .iter()
        .map(|row| {
            let (first, rest) = row.split_first().map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
            let cells: String = rest.iter().map(|cell| format!("<td>{}</td>", escape(cell))).collect();
            format!("<tr><th scope=\"row\">{}</th>{cells}</tr>\n", escape(first))
        })
        .collect();
    format!(
        "<table>\n<caption>{}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n",
        escape(caption)
    )
}

/// The style sheet: readable at 320 px and at 200 % zoom (relative units, one column),
/// contrast above 4.5:1, and a focus ring on every control.
pub const STYLE: &str = "\
html { font-family: system-ui, sans-serif; font-size: 100%; line-height: 1.5; color: #1b1b1b; background: #fff; }
body { margin: 0 auto; max-width: 42rem; padding: 0 1rem 2rem; overflow-wrap: break-word; }
main p { overflow-wrap: anywhere; }
a { color: #0b4f8a; }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; }
header { border-bottom: 1px solid #767676; padding: 0.5rem 0; }
header .site { font-weight: bold; margin: 0; }
nav ul { list-style: none; padding: 0; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.language { margin: 0.5rem 0; }
fieldset { border: 1px solid #767676; padding: 0.5rem 1rem; margin: 1rem 0; }
legend { font-weight: bold; padding: 0 0.25rem; }
.choice { display: block; margin: 0.5rem 0; }
.choice input { margin-right: 0.5rem; }
button { font: inherit; padding: 0.5rem 1rem; margin: 0.25rem 0.5rem 0.25rem 0; color: #fff; background: #0b4f8a; border: 2px solid #0b4f8a; border-radius: 0.25rem; cursor: pointer; }
button.secondary { color: #0b4f8a; background: #fff; }
.actions form, form.inline { display: inline-block; }
.error { color: #a4000f; font-weight: bold; }
.notice { border-left: 4px solid #0b4f8a; padding: 0.25rem 0.75rem; background: #eef4fa; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; }
caption { text-align: left; font-weight: bold; }
footer { border-top: 1px solid #767676; margin-top: 2rem; font-size: 0.9rem; color: #4a4a4a; }
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_person_or_a_flow_wrote_is_never_markup() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(paragraphs("a <b>\nc\n\nd"), "<p>a &lt;b&gt;<br>\nc</p>\n<p>d</p>\n");
        let headings = ["Per theme".to_string(), "<Priorities>".to_string()];
        assert_eq!(
            sections("Team A: 5 of 6\n\nPer theme\nA: 3,0\n  spread\n\n<Priorities>\nB", &headings),
            "<p>Team A: 5 of 6</p>\n<h2>Per theme</h2>\n<p>A: 3,0<br>\n  spread</p>\n<h2>&lt;Priorities&gt;</h2>\n<p>B</p>\n"
        );
    }

    #[test]
    fn addresses_on_this_site_are_links_and_others_stay_text() {
        let own = Some("https://scan.example.nl/");
        assert_eq!(
            sections_linking("Share: https://scan.example.nl/join/Ab_-9.\nhttps://scan.example.nl", &[], own),
            "<p>Share: <a href=\"https://scan.example.nl/join/Ab_-9\">https://scan.example.nl/join/Ab_-9</a>.<br>\n\
             <a href=\"https://scan.example.nl\">https://scan.example.nl</a></p>\n"
        );
        let name = "Join \"https://scan.example.nl.evil.example/x\" or \"https://evil.example/join/a&b\"?";
        assert_eq!(
            sections_linking(name, &[], own),
            "<p>Join &quot;https://scan.example.nl.evil.example/x&quot; or \
             &quot;https://evil.example/join/a&amp;b&quot;?</p>\n"
        );
        assert_eq!(paragraphs("https://scan.example.nl/join/x"), "<p>https://scan.example.nl/join/x</p>\n");
    }

    #[test]
    fn bars_are_hidden_from_screen_readers_and_the_words_are_not() {
        assert_eq!(
            paragraphs("Question 4 of 23  ▰▰▱▱\nA <b>: 3,0  ▰▰▰▱▱ ok"),
            "<p>Question 4 of 23  <span aria-hidden=\"true\">▰▰▱▱</span><br>\n\
             A &lt;b&gt;: 3,0  <span aria-hidden=\"true\">▰▰▰▱▱</span> ok</p>\n"
        );
        assert_eq!(paragraphs("▱"), "<p><span aria-hidden=\"true\">▱</span></p>\n");
    }
}
