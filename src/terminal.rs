//! The terminal adapter: the scans as a chat on stdin and stdout.
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

use crate::app::conversation::{self, ScanStep};
use crate::app::privacy::Channel;
use crate::app::{App, Part, Session, catalog, history, privacy};
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
    /// Other words while a menu is on screen.
    NotOnMenu,
    Snapshot,
    /// What each level looks like, for the latest snapshot.
    Levels,
    History,
    Privacy,
    MyData,
    /// Asks before deleting; the next line says yes or no.
    Confirm(Pending),
}

/// What put a menu on screen: see [`Chat::scan`] and [`Chat::choose`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Asked {
    Scan(String),
    Choose(String),
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
    /// The menu on screen, whose options numbers pick.
    menu: Option<catalog::Menu>,
    /// What was typed that showed the menu ("start" with a flow id or without, or `--flow`),
    /// so that it can be asked again, in the person's language, after a step that shows
    /// nothing of its own (a language switch, "back").
    menu_asked: Option<Asked>,
    /// The flow asked for with `--flow`, taken when the chat starts.
    wanted: Option<String>,
    /// The flow of the last step (a scan that just finished no longer names it).
    stepped: Option<String>,
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
            session.record.lang_chosen = true;
            session.state.lang = lang;
            session.save(app)?;
        }
        let width = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).filter(|&w| w > 10);
        let width = width.unwrap_or(DEFAULT_WIDTH);
        Ok(Chat {
            app,
            session,
            out,
            current_question: None,
            menu: None,
            menu_asked: None,
            wanted: None,
            stepped: None,
            pending: None,
            width,
            interactive: false,
        })
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

    /// `--flow ID`: start or resume that flow (asking first when another is in progress).
    pub fn choose_flow(&mut self, flow: Option<String>) {
        self.wanted = flow;
    }

    /// Runs the conversation until `quit` or the end of input.
    pub fn run(&mut self, input: impl BufRead) -> Result<()> {
        let welcome = self.presenter().msg(Msg::ChatWelcome);
        self.print(&format!("{welcome}\n"))?;
        if self.session.record.noticed_at.is_none() {
            // The privacy notice, once: going on with the scan is the person's own choice.
            let notice = privacy::notice(self.app, self.session.state.lang, Channel::Terminal);
            self.print(&format!("{notice}\n"))?;
            self.session.record.noticed_at = Some(now());
            self.session.save(self.app)?;
        }
        match self.wanted.take() {
            Some(id) => self.choose(&id)?,
            None if self.session.state.scan.is_some() => self.apply(Event::Resume)?,
            None => self.scan("")?,
        }
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
                Input::Scan(id) => self.scan(id.as_deref().unwrap_or_default())?,
                Input::Pick(number) => self.pick(number)?,
                Input::NotOnMenu => self.not_on_menu()?,
                Input::Snapshot => self.snapshot()?,
                Input::Levels => self.levels()?,
                Input::History => {
                    let text = history::list(self.app, &self.session.person, self.session.state.lang)?;
                    self.remark_text(&text)?;
                }
                Input::Privacy => {
                    let text = privacy::statement(self.app, self.session.state.lang, Channel::Terminal);
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

    /// The flow on screen: the scan in progress's, else the one just stepped, else the default.
    fn flow(&self) -> &'a Flow {
        self.app.flow_in_view(&self.session.state, self.stepped.as_deref())
    }

    /// Asks before a deletion; a scan that is not there needs no question.
    fn ask(&mut self, pending: Pending) -> Result<()> {
        let question = match pending {
            Pending::Cancel => match conversation::cancel(self.app, &self.session, self.flow()) {
                Some(question) => question.text,
                None => return self.apply(Event::Cancel),
            },
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
                conversation::forget_now(self.app, &self.session)?;
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
        self.app.presenter_for(self.flow(), self.session.state.lang)
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

    /// Shows the open question again, or the menu on screen, or what to type without either.
    fn show_current(&mut self) -> Result<()> {
        if let (None, Some(menu)) = (&self.current_question, self.menu.clone()) {
            return self.show_menu(menu);
        }
        let screen = match engine::current_view(self.flow(), &self.session.state) {
            Some(view) => Screen::Question(view),
            None => Screen::Idle,
        };
        self.show(&Output { notices: Vec::new(), screen })
    }

    /// "start" or "scan", with a flow id or without (see `conversation::scan`): never a
    /// silent restart of a finished scan.
    fn scan(&mut self, id: &str) -> Result<()> {
        let step = conversation::scan(self.app, &self.session, id)?;
        self.menu_asked = Some(Asked::Scan(id.to_string()));
        self.go(step)
    }

    /// `--flow ID`: start or resume that flow, or ask first when another is in progress.
    fn choose(&mut self, id: &str) -> Result<()> {
        let step = conversation::choose(self.app, &self.session.state, id);
        self.menu_asked = Some(Asked::Choose(id.to_string()));
        self.go(step)
    }

    fn go(&mut self, step: ScanStep) -> Result<()> {
        match step {
            ScanStep::Menu(menu) => self.show_menu(menu),
            ScanStep::Go(flow, event) => match self.app.flow_by_id(&flow) {
                Some(flow) => self.apply_in(flow, event),
                None => self.scan(""),
            },
        }
    }

    fn pick(&mut self, number: usize) -> Result<()> {
        let picked = number.checked_sub(1).and_then(|i| self.menu.as_ref()?.options.get(i));
        match picked.and_then(|option| conversation::picked(self.app, &self.session.state, &option.action)) {
            Some(step) => self.go(step),
            None => self.not_on_menu(),
        }
    }

    /// "Pick one below": the menu again, as a question is shown again.
    fn not_on_menu(&mut self) -> Result<()> {
        let text = self.presenter().msg(Msg::OutOfRange);
        self.print(&text)?;
        self.show_current()
    }

    /// `snapshot`: the latest completed scan, in context.
    fn snapshot(&mut self) -> Result<()> {
        let text = match conversation::snapshot(self.app, &self.session, true)? {
            None => self.presenter().msg(Msg::SnapshotNone),
            Some(shown) => shown.text,
        };
        self.remark_text(&text)
    }

    fn levels(&mut self) -> Result<()> {
        let text = conversation::levels(self.app, &self.session)?
            .map_or_else(|| self.presenter().msg(Msg::LevelsNone), |levels| levels.text);
        self.remark_text(&text)
    }

    /// A menu with numbered options, which the next number typed picks.
    fn show_menu(&mut self, menu: catalog::Menu) -> Result<()> {
        self.current_question = None;
        self.print(&menu.text)?;
        if !menu.listed {
            for (number, option) in menu.options.iter().enumerate() {
                self.print(&format!("  {}. {}", number + 1, option.label))?;
            }
        }
        self.menu = Some(menu);
        self.menu_hint()
    }

    fn menu_hint(&mut self) -> Result<()> {
        let hint = self.presenter().msg(Msg::ChatMenuHint);
        self.print(&format!("{hint}\n"))?;
        self.prompt()
    }

    fn parse(&self, line: &str) -> Input {
        let line = line.trim();
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let question = self.current_question.clone();
        let menu_on_screen = question.is_none() && self.menu.as_ref().is_some_and(|m| !m.options.is_empty());
        match (word.to_lowercase().as_str(), question) {
            ("quit" | "exit" | "stop", _) => Input::Quit,
            ("help" | "hulp" | "h", _) => Input::Help,
            ("back" | "terug" | "b", _) => Input::Event(Event::Back),
            ("cancel" | "annuleer", _) => Input::Confirm(Pending::Cancel),
            ("forget" | "vergeet" | "wis", _) => Input::Confirm(Pending::Forget),
            ("mydata" | "mijngegevens", _) => Input::MyData,
            ("privacy" | "privacyverklaring", _) => Input::Privacy,
            ("start" | "scan", _) => {
                Input::Scan(Some(rest.trim()).filter(|id| !id.is_empty()).map(str::to_string))
            }
            ("snapshot" | "resultaat", _) => Input::Snapshot,
            ("levels" | "niveaus", _) => Input::Levels,
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
            (_, None) if menu_on_screen => Input::NotOnMenu,
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
        let mut text: Vec<String> = output.notices.iter().map(|notice| presenter.msg(*notice)).collect();
        self.current_question = None;
        let menu_was_on_screen = self.menu.take().is_some();
        match &output.screen {
            Screen::Question(view) => {
                let question =
                    conversation::question(self.app, self.flow(), self.session.state.lang, view, &[]);
                text.push(question.text);
                for (number, choice) in question.choices.iter().enumerate() {
                    let mark = if choice.chosen { "  ✓" } else { "" };
                    text.push(format!("  {}. {}{mark}", number + 1, choice.label));
                }
                // "?" (don't know) is offered only where the question has it.
                let hint = if question.skippable { Msg::ChatChoiceHint } else { Msg::ChatChoiceHintNoSkip };
                text.push(presenter.msg(hint));
                self.current_question = Some(question.id);
            }
            Screen::Snapshot(snapshot) => {
                text.push(format!("{}\n", presenter.msg(Msg::ScanFinished)));
                let (person, lang) = (&self.session.person, self.session.state.lang);
                text.push(history::finished_text(self.app, person, lang, self.flow(), snapshot, true)?);
                // The terminal's way to the button under a snapshot elsewhere.
                if self.flow().describes_levels() {
                    text.push(format!("\n{}", presenter.msg(Msg::ChatLevelsHint)));
                }
                text.push(format!("\n{}", presenter.msg(Msg::ChatStartAgain)));
            }
            Screen::Idle => match (menu_was_on_screen, self.menu_asked.clone()) {
                // Nothing of its own to show: the menu stays, in the language spoken now.
                (true, Some(asked)) => {
                    if !text.is_empty() {
                        self.print(&text.join("\n"))?;
                    }
                    return match asked {
                        Asked::Scan(id) => self.scan(&id),
                        Asked::Choose(id) => self.choose(&id),
                    };
                }
                _ => text.push(presenter.msg(Msg::ChatStartAgain)),
            },
        }
        self.print(&format!("{}\n", text.join("\n")))?;
        self.prompt()
    }
}
