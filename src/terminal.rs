//! The terminal adapter: the quick scan as a chat on stdin and stdout.
//!
//! ```text
//! Question 1 of about 23  ▱▱▱▱▱▱▱▱▱▱
//! A Vision & leadership
//! Management in our municipality acts on a vision for digital work and data.
//!   1. Not started
//!   ...
//!   6. Don't know
//! > 3
//! ```
//!
//! Text is wrapped to the terminal's width (`COLUMNS`, else 80). What cannot be undone
//! (`cancel`, `forget`) asks first and happens only on `yes`.
//!
//! It reads one line at a time, so it can be scripted (`printf '3\n3\n' | peilbot chat`).
//! Each line becomes an engine event for the application layer's [`Session`], which
//! commits what changed before the reply is printed, so a run stopped at any point
//! resumes at the same question.

use std::io::{BufRead, Write};

use anyhow::Result;

use crate::app::{App, Part, Session, privacy};
use crate::engine::{self, Event, Output, Screen};
use crate::flow::Answer;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::present::Presenter;
use crate::unix_now as now;

/// The terminal has one person.
pub const LOCAL_PERSON: &str = "local:terminal";

/// What a typed line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    Event(Event),
    Help,
    Quit,
    UnknownLanguage,
    Privacy,
    MyData,
    /// Asks before deleting; the next line says yes or no.
    Confirm(Pending),
}

/// What waits for a "yes".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Cancel,
    Forget,
}

/// Shown where the person types.
const PROMPT: &str = "> ";
/// The width when the terminal does not say (`COLUMNS`).
const DEFAULT_WIDTH: usize = 80;

pub struct Chat<'a, W: Write> {
    app: &'a App,
    session: Session,
    out: W,
    /// The question on screen, which numbers and "skip" refer to.
    current_question: Option<String>,
    /// A deletion asked about, waiting for "yes".
    pending: Option<Pending>,
    width: usize,
    /// A person at a keyboard (not a script): gets the prompt marker.
    interactive: bool,
}

impl<'a, W: Write> Chat<'a, W> {
    /// `lang` is the `--lang` flag, a choice like "lang nl"; without it the stored choice,
    /// then `fallback` (from `LANG`), is used.
    pub fn open(app: &'a App, lang: Option<Lang>, fallback: Lang, out: W) -> Result<Self> {
        let mut session = Session::load(app, PersonId(LOCAL_PERSON.to_string()), fallback, None)?;
        if let Some(lang) = lang.filter(|lang| session.record.lang != Some(*lang)) {
            session.record.lang = Some(lang);
            session.state.lang = lang;
            session.save(app)?;
        }
        let width = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).filter(|&w| w > 10);
        let width = width.unwrap_or(DEFAULT_WIDTH);
        Ok(Chat { app, session, out, current_question: None, pending: None, width, interactive: false })
    }

    /// Shows the prompt marker before each line the person types (not to scripts).
    pub fn interactive(mut self, interactive: bool) -> Self {
        self.interactive = interactive;
        self
    }

    fn prompt(&mut self) -> Result<()> {
        if self.interactive {
            write!(self.out, "{PROMPT}")?;
        }
        self.out.flush()?;
        Ok(())
    }

    /// Writes text wrapped to the terminal's width, keeping each line's indent.
    fn print(&mut self, text: &str) -> Result<()> {
        for line in text.lines() {
            let indent: String = line.chars().take_while(|c| *c == ' ').collect();
            // A bullet's later lines line up with its text.
            let hanging =
                if line.trim_start().starts_with("• ") { format!("{indent}  ") } else { indent.clone() };
            let options = textwrap::Options::new(self.width)
                .initial_indent(&indent)
                .subsequent_indent(&hanging)
                .break_words(false);
            writeln!(self.out, "{}", textwrap::fill(line.trim_start(), options))?;
        }
        Ok(())
    }

    /// Runs the conversation until `quit` or the end of input.
    pub fn run(&mut self, input: impl BufRead) -> Result<()> {
        let welcome = self.presenter().msg(Msg::ChatWelcome);
        self.print(&format!("{welcome}\n"))?;
        if self.session.record.noticed_at.is_none() {
            // The privacy notice, once: going on with the scan is the person's own choice.
            let notice = privacy::notice(self.app, self.session.state.lang, Msg::PrivacyCommandsChat);
            self.print(&format!("{notice}\n"))?;
            self.session.record.noticed_at = Some(now());
            self.session.save(self.app)?;
        }
        let first = if self.session.state.scan.is_some() { Event::Resume } else { Event::Start };
        self.apply(first)?;
        for line in input.lines() {
            let line = line?;
            if let Some(pending) = self.pending.take() {
                self.answer(pending, &line)?;
                continue;
            }
            match self.parse(&line) {
                Input::Event(event) => self.apply(event)?,
                Input::Help => self.remark(Msg::ChatHelp)?,
                Input::UnknownLanguage => self.remark(Msg::ChatUnknownLanguage)?,
                Input::Privacy => {
                    let text = privacy::statement(self.app, self.session.state.lang);
                    self.remark_text(&text)?
                }
                Input::MyData => self.my_data()?,
                Input::Confirm(pending) => self.ask(pending)?,
                Input::Quit => break,
            }
        }
        let bye = match self.session.state.scan {
            Some(_) => self.presenter().msg(Msg::ChatBye),
            None => self.presenter().msg(Msg::ChatByeIdle),
        };
        self.print(&bye)?;
        self.out.flush()?;
        Ok(())
    }

    /// Asks before a deletion; a scan that is not there needs no question.
    fn ask(&mut self, pending: Pending) -> Result<()> {
        let question = match pending {
            Pending::Cancel if self.session.state.scan.is_none() => return self.apply(Event::Cancel),
            Pending::Cancel => {
                let answers = self.session.state.scan.as_ref().map_or(0, |scan| scan.answers.len());
                self.presenter().msg_with(Msg::ConfirmCancel, &[("answers", answers.into())])
            }
            Pending::Forget => privacy::forget_question(self.app, &self.session)?,
        };
        let yes = self.presenter().msg(Msg::ChatConfirmYes);
        self.print(&format!("{question}\n{yes}"))?;
        self.prompt()?;
        self.pending = Some(pending);
        Ok(())
    }

    /// The line after a question: only "yes" (or "ja") deletes.
    fn answer(&mut self, pending: Pending, line: &str) -> Result<()> {
        let yes = matches!(line.trim().to_lowercase().as_str(), "yes" | "ja" | "y" | "j");
        match (pending, yes) {
            (Pending::Cancel, true) => self.apply(Event::Cancel),
            (Pending::Forget, true) => {
                self.app.store.forget(&self.session.person)?;
                let lang = self.session.state.lang;
                self.session = Session::load(self.app, self.session.person.clone(), lang, None)?;
                self.current_question = None;
                let text = self.presenter().msg(Msg::ChatForgotten);
                self.print(&format!("{text}\n"))?;
                self.out.flush()?;
                Ok(())
            }
            (_, false) => self.remark(Msg::NothingChanged),
        }
    }

    /// `mydata`: the summary, then the JSON document.
    fn my_data(&mut self) -> Result<()> {
        let reply = privacy::my_data(self.app, &self.session)?;
        for part in reply.parts {
            match part {
                Part::Text { text, .. } => self.print(&format!("{text}\n"))?,
                Part::Document { bytes, .. } => {
                    self.out.write_all(&bytes)?;
                    writeln!(self.out, "\n")?;
                }
                Part::Photo { .. } => {}
            }
        }
        self.show_current()
    }

    fn presenter(&self) -> Presenter<'a> {
        self.app.presenter(self.session.state.lang)
    }

    /// Says something of the terminal's own, then shows the open question again.
    fn remark(&mut self, msg: Msg) -> Result<()> {
        let text = self.presenter().msg(msg);
        self.remark_text(&text)
    }

    fn remark_text(&mut self, text: &str) -> Result<()> {
        self.print(&format!("{text}\n"))?;
        self.show_current()
    }

    /// Shows the open question again, or what to type without one.
    fn show_current(&mut self) -> Result<()> {
        let screen = match engine::current_view(self.app.flow(), &self.session.state) {
            Some(view) => Screen::Question(view),
            None => Screen::Idle,
        };
        self.show(&Output { notices: Vec::new(), screen })
    }

    fn parse(&self, line: &str) -> Input {
        let line = line.trim();
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let question = self.current_question.clone();
        match (word.to_lowercase().as_str(), question) {
            ("quit" | "exit" | "stop", _) => Input::Quit,
            ("help" | "hulp" | "h", _) => Input::Help,
            ("back" | "terug" | "b", _) => Input::Event(Event::Back),
            ("cancel" | "annuleer", _) => Input::Confirm(Pending::Cancel),
            ("forget" | "vergeet" | "wis", _) => Input::Confirm(Pending::Forget),
            ("mydata" | "mijngegevens", _) => Input::MyData,
            ("privacy", _) => Input::Privacy,
            ("start" | "scan", _) => Input::Event(Event::Start),
            ("lang" | "taal", _) => match rest.trim().parse() {
                Ok(lang) => Input::Event(Event::SetLanguage(lang)),
                Err(_) => Input::UnknownLanguage,
            },
            ("skip" | "?" | "overslaan", Some(question)) => Input::Event(Event::DontKnow { question }),
            (number, Some(question)) if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                // 0 and numbers too large for usize are out of range like any other.
                let choice =
                    number.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).unwrap_or(usize::MAX);
                Input::Event(Event::Answer { question, choice })
            }
            _ => Input::Event(Event::Text(line.to_string())),
        }
    }

    fn apply(&mut self, event: Event) -> Result<()> {
        // Stored before the reply is shown: what the person sees acknowledged is kept.
        let transition = self.session.step(self.app, event, now())?;
        self.show(&transition.output)
    }

    fn show(&mut self, output: &Output) -> Result<()> {
        let presenter = self.presenter();
        let mut text: Vec<String> = output.notices.iter().map(|notice| presenter.msg(*notice)).collect();
        self.current_question = None;
        match &output.screen {
            Screen::Question(view) => {
                text.push(presenter.question(view));
                for (number, choice) in presenter.choices(view).iter().enumerate() {
                    let mark = if choice.chosen { "  ✓" } else { "" };
                    text.push(format!("  {}. {}{mark}", number + 1, choice.label));
                }
                let flow = self.app.flow();
                // "?" (don't know) is offered only where the question has it.
                let skippable = flow.offers(view.question).iter().any(|o| o.answer == Answer::DontKnow);
                let hint = if skippable { Msg::ChatChoiceHint } else { Msg::ChatChoiceHintNoSkip };
                text.push(presenter.msg(hint));
                self.current_question = Some(flow.questions[view.question].id.clone());
            }
            Screen::Snapshot(snapshot) => {
                text.push(format!("{}\n", presenter.msg(Msg::ScanFinished)));
                text.push(presenter.snapshot_with_bars(snapshot));
                text.push(format!("\n{}", presenter.msg(Msg::ChatStartAgain)));
            }
            Screen::Idle => text.push(presenter.msg(Msg::ChatStartAgain)),
        }
        self.print(&format!("{}\n", text.join("\n")))?;
        self.prompt()
    }
}
