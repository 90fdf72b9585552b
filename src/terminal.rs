//! The terminal adapter: the quick scan as a chat on stdin and stdout.
//!
//! ```text
//! Question 1 of 23  ▱▱▱▱▱▱▱▱▱▱
//! A Vision & leadership
//! Our municipality has a vision on digital work and data, ...
//!   1. Not started
//!   ...
//!   6. Don't know
//! > 3
//! ```
//!
//! It reads one line at a time, so it can be scripted (`printf '3\n3\n' | peilbot chat`).
//! Each line becomes an engine event for the application layer's [`Session`], which
//! commits what changed before the reply is printed, so a run stopped at any point
//! resumes at the same question.

use std::io::{BufRead, Write};

use anyhow::Result;

use crate::app::{App, Session};
use crate::engine::{self, Event, Output, Screen};
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
}

pub struct Chat<'a, W: Write> {
    app: &'a App,
    session: Session,
    out: W,
    /// The question on screen, which numbers and "skip" refer to.
    current_question: Option<String>,
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
        Ok(Chat { app, session, out, current_question: None })
    }

    /// Runs the conversation until `quit` or the end of input.
    pub fn run(&mut self, input: impl BufRead) -> Result<()> {
        let welcome = self.presenter().msg(Msg::ChatWelcome);
        writeln!(self.out, "{welcome}\n")?;
        let first = if self.session.state.scan.is_some() { Event::Resume } else { Event::Start };
        self.apply(first)?;
        for line in input.lines() {
            match self.parse(&line?) {
                Input::Event(event) => self.apply(event)?,
                Input::Help => self.remark(Msg::ChatHelp)?,
                Input::UnknownLanguage => self.remark(Msg::ChatUnknownLanguage)?,
                Input::Quit => break,
            }
        }
        let bye = match self.session.state.scan {
            Some(_) => self.presenter().msg(Msg::ChatBye),
            None => self.presenter().msg(Msg::ChatByeIdle),
        };
        writeln!(self.out, "{bye}")?;
        self.out.flush()?;
        Ok(())
    }

    fn presenter(&self) -> Presenter<'a> {
        self.app.presenter(self.session.state.lang)
    }

    /// Says something of the terminal's own, then shows the open question again.
    fn remark(&mut self, msg: Msg) -> Result<()> {
        let text = self.presenter().msg(msg);
        writeln!(self.out, "{text}\n")?;
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
            ("cancel" | "annuleer", _) => Input::Event(Event::Cancel),
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
        for notice in &output.notices {
            writeln!(self.out, "{}", presenter.msg(*notice))?;
        }
        self.current_question = None;
        match &output.screen {
            Screen::Question(view) => {
                writeln!(self.out, "{}", presenter.question(view))?;
                for (number, choice) in presenter.choices(view).iter().enumerate() {
                    let mark = if choice.chosen { "  ✓" } else { "" };
                    writeln!(self.out, "  {}. {}{mark}", number + 1, choice.label)?;
                }
                writeln!(self.out, "{}", presenter.msg(Msg::ChatChoiceHint))?;
                self.current_question = Some(self.app.flow().questions[view.question].id.clone());
            }
            Screen::Snapshot(snapshot) => {
                writeln!(self.out, "{}\n", presenter.msg(Msg::ScanFinished))?;
                writeln!(self.out, "{}", presenter.snapshot(snapshot))?;
                writeln!(self.out, "\n{}", presenter.msg(Msg::ChatStartAgain))?;
            }
            Screen::Idle => writeln!(self.out, "{}", presenter.msg(Msg::ChatStartAgain))?,
        }
        writeln!(self.out)?;
        self.out.flush()?;
        Ok(())
    }
}
