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

use crate::app::{Action, App, Session, catalog, history};
use crate::engine::{self, Event, Output, Screen};
use crate::flow::Flow;
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
    /// "start" or "scan", with a flow id or without (the menu).
    Scan(Option<String>),
    /// A number while a menu is on screen.
    Pick(usize),
    Snapshot,
    History,
}

pub struct Chat<'a, W: Write> {
    app: &'a App,
    session: Session,
    out: W,
    /// The question on screen, which numbers and "skip" refer to.
    current_question: Option<String>,
    /// The options of the menu on screen, which numbers pick.
    menu: Vec<Action>,
    /// The flow asked for with `--flow`, taken when the chat starts.
    wanted: Option<String>,
    /// The flow of the last step (a scan that just finished no longer names it).
    stepped: Option<String>,
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
        Ok(Chat { app, session, out, current_question: None, menu: Vec::new(), wanted: None, stepped: None })
    }

    /// `--flow ID`: start or resume that flow (asking first when another is in progress).
    pub fn choose_flow(&mut self, flow: Option<String>) {
        self.wanted = flow;
    }

    /// Runs the conversation until `quit` or the end of input.
    pub fn run(&mut self, input: impl BufRead) -> Result<()> {
        let welcome = self.presenter().msg(Msg::ChatWelcome);
        writeln!(self.out, "{welcome}\n")?;
        match self.wanted.take() {
            Some(id) => self.choose(&id)?,
            None if self.session.state.scan.is_some() => self.apply(Event::Resume)?,
            None => self.scan_menu()?,
        }
        for line in input.lines() {
            match self.parse(&line?) {
                Input::Event(event) => self.apply(event)?,
                Input::Help => self.remark(Msg::ChatHelp)?,
                Input::UnknownLanguage => self.remark(Msg::ChatUnknownLanguage)?,
                Input::Scan(Some(id)) => self.choose(&id)?,
                Input::Scan(None) if self.session.state.scan.is_some() => {
                    let (flow, event) = catalog::resume(self.app, &self.session.state);
                    self.apply_in(flow, event)?
                }
                Input::Scan(None) => self.scan_menu()?,
                Input::Pick(number) => self.pick(number)?,
                Input::Snapshot => self.snapshot()?,
                Input::History => {
                    let text = history::list(self.app, &self.session.person, self.session.state.lang)?;
                    writeln!(self.out, "{text}\n")?;
                    self.remark_done()?;
                }
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

    /// The flow on screen: the scan in progress's, else the one just stepped, else the default.
    fn flow(&self) -> &'a Flow {
        self.app.flow_in_view(&self.session.state, self.stepped.as_deref())
    }

    fn presenter(&self) -> Presenter<'a> {
        self.app.presenter_for(self.flow(), self.session.state.lang)
    }

    /// Says something of the terminal's own, then shows the open question again.
    fn remark(&mut self, msg: Msg) -> Result<()> {
        let text = self.presenter().msg(msg);
        writeln!(self.out, "{text}\n")?;
        self.remark_done()
    }

    /// After a remark: the open question again, or what can be done next.
    fn remark_done(&mut self) -> Result<()> {
        let screen = match engine::current_view(self.flow(), &self.session.state) {
            Some(view) => Screen::Question(view),
            None => Screen::Idle,
        };
        self.show(&Output { notices: Vec::new(), screen })
    }

    /// Plain "start", or a chat opened without `--flow`: the menu of flows when there is
    /// more than one or a scan was finished before (never a silent restart), else the scan.
    fn scan_menu(&mut self) -> Result<()> {
        let finished_before = self.app.store.latest_response(&self.session.person)?.is_some();
        if !catalog::offers_menu(self.app, &self.session.state, finished_before) {
            return self.apply(Event::Start);
        }
        let menu = catalog::menu(self.app, &self.session.state, self.session.state.lang);
        self.show_menu(menu)
    }

    /// Asking for one flow: start or resume it, or ask first when another is in progress.
    fn choose(&mut self, id: &str) -> Result<()> {
        let (app, state, lang) = (self.app, &self.session.state, self.session.state.lang);
        let menu = match catalog::choose(app, state, id) {
            None => catalog::unknown(app, state, lang, id),
            Some(catalog::Choice::Confirm { current, wanted }) => {
                catalog::confirm(app, state, lang, current, wanted)
            }
            Some(catalog::Choice::Go(flow, event)) => return self.apply_in(flow, event),
        };
        self.show_menu(menu)
    }

    fn pick(&mut self, number: usize) -> Result<()> {
        match number.checked_sub(1).and_then(|i| self.menu.get(i)).cloned() {
            Some(Action::Scan(id)) => self.choose(&id),
            Some(Action::ScanInstead(id)) => match self.app.flow_by_id(&id) {
                Some(flow) => self.apply_in(flow, Event::StartInstead),
                None => self.scan_menu(),
            },
            _ => {
                let text = self.presenter().msg(Msg::OutOfRange);
                writeln!(self.out, "{text}")?;
                self.menu_hint()
            }
        }
    }

    /// `snapshot`: the latest completed scan, in context.
    fn snapshot(&mut self) -> Result<()> {
        let (app, lang) = (self.app, self.session.state.lang);
        match history::latest(app, &self.session.person)? {
            None => writeln!(self.out, "{}\n", self.presenter().msg(Msg::SnapshotNone))?,
            Some((latest, before)) => {
                let text = history::snapshot_text(app, lang, latest.flow, &latest.snapshot, before.as_ref());
                writeln!(self.out, "{text}\n")?;
            }
        }
        self.remark_done()
    }

    /// A menu with numbered options, which the next number typed picks.
    fn show_menu(&mut self, menu: catalog::Menu) -> Result<()> {
        self.current_question = None;
        writeln!(self.out, "{}", menu.text)?;
        if !menu.listed {
            for (number, option) in menu.options.iter().enumerate() {
                writeln!(self.out, "  {}. {}", number + 1, option.label)?;
            }
        }
        self.menu = menu.options.into_iter().map(|o| o.action).collect();
        self.menu_hint()
    }

    fn menu_hint(&mut self) -> Result<()> {
        writeln!(self.out, "{}\n", self.presenter().msg(Msg::ChatMenuHint))?;
        self.out.flush()?;
        Ok(())
    }

    fn parse(&self, line: &str) -> Input {
        let line = line.trim();
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let question = self.current_question.clone();
        let menu_on_screen = question.is_none() && !self.menu.is_empty();
        match (word.to_lowercase().as_str(), question) {
            ("quit" | "exit" | "stop", _) => Input::Quit,
            ("help" | "hulp" | "h", _) => Input::Help,
            ("back" | "terug" | "b", _) => Input::Event(Event::Back),
            ("cancel" | "annuleer", _) => Input::Event(Event::Cancel),
            ("start" | "scan", _) => {
                Input::Scan(Some(rest.trim()).filter(|id| !id.is_empty()).map(str::to_string))
            }
            ("snapshot" | "resultaat", _) => Input::Snapshot,
            ("history" | "geschiedenis", _) => Input::History,
            (number, None)
                if menu_on_screen && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Input::Pick(number.parse().unwrap_or(0))
            }
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
        self.apply_in(self.flow(), event)
    }

    fn apply_in(&mut self, flow: &'a Flow, event: Event) -> Result<()> {
        // Stored before the reply is shown: what the person sees acknowledged is kept.
        self.stepped = Some(flow.id.clone());
        let transition = self.session.step_in(self.app, flow, event, now())?;
        self.show(&transition.output)
    }

    fn show(&mut self, output: &Output) -> Result<()> {
        let presenter = self.presenter();
        for notice in &output.notices {
            writeln!(self.out, "{}", presenter.msg(*notice))?;
        }
        self.current_question = None;
        self.menu.clear();
        match &output.screen {
            Screen::Question(view) => {
                writeln!(self.out, "{}", presenter.question(view))?;
                for (number, choice) in presenter.choices(view).iter().enumerate() {
                    let mark = if choice.chosen { "  ✓" } else { "" };
                    writeln!(self.out, "  {}. {}{mark}", number + 1, choice.label)?;
                }
                writeln!(self.out, "{}", presenter.msg(Msg::ChatChoiceHint))?;
                self.current_question = Some(self.flow().questions[view.question].id.clone());
            }
            Screen::Snapshot(snapshot) => {
                writeln!(self.out, "{}\n", presenter.msg(Msg::ScanFinished))?;
                let (person, lang) = (&self.session.person, self.session.state.lang);
                let text = history::finished_text(self.app, person, lang, self.flow(), snapshot)?;
                writeln!(self.out, "{text}")?;
                writeln!(self.out, "\n{}", presenter.msg(Msg::ChatStartAgain))?;
            }
            Screen::Idle => writeln!(self.out, "{}", presenter.msg(Msg::ChatStartAgain))?,
        }
        writeln!(self.out)?;
        self.out.flush()?;
        Ok(())
    }
}
