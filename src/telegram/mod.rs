//! The Telegram adapter: the quick scan in a private chat, with inline buttons.
//!
//! ```text
//! person: /scan
//! bot:    Question 1 of 23 ▱▱▱▱▱▱▱▱▱▱ ... [1 Not started] [2 Ad hoc] ... [Don't know]
//! person: (taps "Agreed")
//! bot:    (answers the tap at once, then edits the same message into question 2)
//! ...
//! bot:    Done, thank you! + the snapshot as text + a PNG chart
//! ```
//!
//! Telegram is a thin shell around the application layer (`app`): the whole routing tree
//! is [`schema`], commands are one enum (`commands`), a [`turn::Turn`] is one update's
//! work for one person, and the endpoints in `chat` and `teams` only translate.
//! Each endpoint's turn commits its change together with the update id (so a
//! redelivered update is skipped) before it talks to Telegram.

mod chat;
pub mod commands;
pub mod config;
pub mod health;
mod menus;
mod send;
mod stop;
mod tap;
mod taps;
mod teams;
mod turn;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use teloxide::adaptors::throttle::{Limits, Throttle};
use teloxide::dispatching::{ShutdownToken, UpdateHandler};
use teloxide::dptree::case;
use teloxide::error_handlers::{ErrorHandler, LoggingErrorHandler};
use teloxide::prelude::*;
use teloxide::types::UserId;
use teloxide::update_listeners::webhooks;
use url::Url;

use crate::anonymity::Rules;
use crate::app::conversation::{self, TeamRequest};
use crate::app::teams::JOIN_PREFIX;
use crate::app::{Action, App, Roles, team_language};
use crate::content::Content;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::store::Store;
use commands::{Command, Said};
pub use stop::stop_signal;
pub use turn::{HandlerError, HandlerResult, Shared, TgBot};

pub use config::{ConfigError, Token};
pub use send::split_text;

/// Applied update ids kept to recognise redeliveries (far more than a day of traffic).
const KEEP_UPDATE_IDS: usize = 100_000;

/// How `peilbot serve` runs.
pub struct ServeConfig {
    pub token: Token,
    pub api_url: Option<Url>,
    /// Keep Telegram's rate limits (off only for tests against a local fake).
    pub throttle: bool,
    pub webhook: Option<Webhook>,
    pub min_respondents: usize,
    pub admins: Vec<UserId>,
    /// Where `/healthz` and `/metrics` are served, if anywhere.
    pub metrics_listen: Option<SocketAddr>,
    /// Days a completed response is kept (see `app::privacy`).
    pub retention_days: u32,
    /// The web channel's public address, for links to it (`/invite`, `/weblink`).
    pub web_url: Option<Url>,
    /// Who is responsible for the data, and the organisation's language.
    pub deployment: crate::app::Deployment,
}

pub struct Webhook {
    /// The public HTTPS URL Telegram posts updates to.
    pub url: Url,
    pub listen: SocketAddr,
    /// Telegram sends it back in `X-Telegram-Bot-Api-Secret-Token`; others are refused.
    pub secret: Option<String>,
}

/// Runs the bot until Ctrl-C; every acknowledged answer is on disk when it returns.
pub async fn serve(config: ServeConfig, content: Content, store: Store) -> anyhow::Result<()> {
    let metrics = match config.metrics_listen {
        Some(addr) => Some(health::bind(addr, store.clone()).await?),
        None => None,
    };
    let mut bot = Bot::new(config.token.expose());
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    let me = bot
        .get_me()
        .await
        .map_err(|err| anyhow::anyhow!("cannot reach the Bot API or the token was refused: {err}"))?;
    let username = me.username.clone().unwrap_or_default();
    tracing::info!(bot = %username, api = %config.api_url.as_ref().map_or("https://api.telegram.org", Url::as_str), "connected");
    config.deployment.warn_if_unset();

    let rules = Rules::new(config.min_respondents);
    if rules.min_respondents() != config.min_respondents {
        let min_respondents = rules.min_respondents();
        tracing::warn!(min_respondents, "team results need at least 3 respondents; using 3");
    }
    let pruned = store.prune_updates(KEEP_UPDATE_IDS)?;
    if pruned > 0 {
        tracing::info!(pruned, "forgot old update ids");
    }
    let admins = config.admins.into_iter().map(turn::person_of).collect();
    let app = App {
        content,
        store: store.clone(),
        rules,
        admins,
        retention_days: config.retention_days,
        web_url: config.web_url,
        deployment: config.deployment,
    };
    // Before the first poll: no expired response may be shown.
    let sweep_started = std::time::Instant::now();
    let deleted = crate::app::privacy::sweep(&app, crate::unix_now())?;
    let seconds = sweep_started.elapsed().as_secs_f64();
    if deleted > 0 {
        tracing::info!(deleted, seconds, "deleted responses past the retention period");
    } else {
        tracing::debug!(seconds, "no responses past the retention period");
    }
    let shared = Arc::new(Shared { app, username });
    // Telegram keeps menus and descriptions: they need not be in place before the first poll.
    tokio::spawn(register(bot.clone(), shared.clone()));
    tokio::spawn(retention(shared.clone()));
    tokio::spawn(teams::deliver_queued(bot.clone(), shared.clone()));

    let (stopped, on_stop) = tokio::sync::oneshot::channel::<()>();
    let metrics = metrics.map(|endpoint| {
        tokio::spawn(endpoint.serve(async {
            let _ = on_stop.await;
        }))
    });
    if config.throttle {
        let throttled = Throttle::new_spawn(bot.clone(), Limits::default());
        dispatch(throttled, bot, shared, config.webhook).await?;
    } else {
        dispatch(bot.clone(), bot, shared, config.webhook).await?;
    }
    let _ = stopped.send(());
    if let Some(metrics) = metrics {
        metrics.await??;
    }
    if STORE_FAILED.load(Ordering::Relaxed) {
        anyhow::bail!(
            "stopped because the store could not be written (is the disk full?); answers acknowledged before are on disk"
        );
    }
    store.flush()?;
    tracing::info!("stopped; all answers are on disk");
    Ok(())
}

async fn dispatch<B: TgBot>(
    bot: B,
    plain: Bot,
    shared: Arc<Shared>,
    webhook: Option<Webhook>,
) -> anyhow::Result<()> {
    // Bound before anything is registered with Telegram: a port in use is a start-up error.
    let socket = match &webhook {
        Some(webhook) => Some(
            tokio::net::TcpListener::bind(webhook.listen)
                .await
                .map_err(|err| anyhow::anyhow!("cannot listen on {}: {err}", webhook.listen))?,
        ),
        None => None,
    };
    let stop = Arc::new(OnceLock::new());
    let mut dispatcher = Dispatcher::builder(bot, schema::<B>())
        .dependencies(dptree::deps![shared.clone()])
        .default_handler(|_| async {})
        .error_handler(apologising(plain.clone(), shared.clone(), stop.clone()))
        .build();
    let _ = stop.set(dispatcher.shutdown_token());
    tokio::spawn(stop::stop_on_signal(dispatcher.shutdown_token()));
    match webhook.zip(socket) {
        None => dispatcher.dispatch().await,
        Some((webhook, socket)) => {
            let mut options = webhooks::Options::new(webhook.listen, webhook.url);
            if let Some(secret) = webhook.secret {
                options = options.secret_token(secret);
            }
            let (listener, stopped, router) = webhooks::axum_to_router(plain, options).await?;
            // The listener stops accepting once the dispatcher stops taking updates.
            let server =
                tokio::spawn(
                    async move { axum::serve(socket, router).with_graceful_shutdown(stopped).await },
                );
            let errors = LoggingErrorHandler::with_custom_text("the webhook listener failed");
            dispatcher.dispatch_with_listener(listener, errors).await;
            server.await??;
        }
    }
    Ok(())
}

/// Logs a failed update; when a change could not be stored, tells the person so.
///
/// A store that failed to write (a full disk, a broken volume) is not trusted again in this
/// process: the bot stops taking updates and exits non-zero, so its supervisor (systemd,
/// Docker) starts it afresh, on a store opened anew, once writes can succeed.
fn apologising(
    bot: Bot,
    shared: Arc<Shared>,
    stop: Arc<OnceLock<ShutdownToken>>,
) -> Arc<dyn ErrorHandler<HandlerError> + Send + Sync> {
    Arc::new(move |err: HandlerError| {
        let (bot, shared, stop) = (bot.clone(), shared.clone(), stop.clone());
        async move {
            tracing::error!(%err, "an update could not be handled");
            let Some(unavailable) = err.downcast_ref::<turn::Unavailable>() else { return };
            let text = shared.app.content.locales.msg(unavailable.lang, Msg::TgUnavailable);
            if let Err(err) = send::retrying(|| bot.send_message(unavailable.chat, text.clone()).send()).await
            {
                tracing::warn!(%err, "could not say that the store is unavailable");
            }
            STORE_FAILED.store(true, Ordering::Relaxed);
            // Only started here: the dispatcher waits for this very update to finish.
            if stop.get().is_some_and(|token| token.shutdown().is_ok()) {
                tracing::error!("the store cannot be written; stopping so that peilbot is started afresh");
                // A write stuck in sled would hold the shutdown (and the store's own drop)
                // forever: after a grace period for the updates in flight, exit regardless.
                std::thread::spawn(|| {
                    std::thread::sleep(STOP_GRACE);
                    eprintln!("peilbot: stopped because the store could not be written (is the disk full?)");
                    std::process::exit(1);
                });
            }
        }
    })
}

/// How long the updates in flight get to finish once the store has failed.
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(3);

/// Set once a commit failed: `serve` then ends with an error, for the supervisor.
static STORE_FAILED: AtomicBool = AtomicBool::new(false);

/// The whole routing tree: every command and every button, in one place.
pub fn schema<B: TgBot>() -> UpdateHandler<HandlerError> {
    use Action as A;

    let first_delivery = dptree::filter(|update: Update, shared: Arc<Shared>| {
        // Read here, not on the blocking pool: ids are kept in the order they come, so a
        // new or recent one is looked up in the tree's last pages, which are in memory.
        // A store error here must not drop the update: treat it as new.
        let seen = shared.app.store.seen_update(&turn::update_key(&update)).unwrap_or(false);
        let counter = if seen { "peilbot_updates_redelivered_total" } else { "peilbot_updates_total" };
        metrics::counter!(counter).increment(1);
        !seen
    });
    let private_message = dptree::filter_map(said)
        .filter_map_async(message_turn::<B>)
        .filter_map_async(chat::greet::<B>)
        .branch(case![Said::Command(command)].map(Command::request).endpoint(route::<B>))
        .branch(case![Said::Text(text)].endpoint(chat::text::<B>))
        .branch(case![Said::Unknown].endpoint(chat::unknown_command::<B>))
        .branch(case![Said::OtherBot].endpoint(chat::not_ours::<B>));
    let scan_tap = dptree::filter(|action: Action| matches!(action, A::Answer { .. } | A::Back { .. }));
    let action = || dptree::filter_map(|tap: tap::Tap| tap.query.data.as_deref().and_then(Action::decode));
    let taps = dptree::filter_map(tap)
        // The scan's own taps, most of all updates, load the person themselves: one hop.
        .branch(
            dptree::filter(|tap: tap::Tap| own_chat(&tap))
                .chain(action())
                .chain(scan_tap)
                .endpoint(taps::scan_tap::<B>),
        )
        .filter_map_async(tap_turn::<B>)
        .branch(
            action()
                .branch(case![A::Language(lang)].endpoint(taps::choose_language::<B>))
                .branch(case![A::Forget(code)].endpoint(taps::forget::<B>))
                .branch(case![A::ConfirmCancel { answers }].endpoint(chat::cancel_confirmed::<B>))
                .branch(case![A::Dismiss].endpoint(chat::dismiss::<B>))
                .branch(
                    dptree::filter(|a: Action| matches!(a, A::Confirm { .. }))
                        .endpoint(teams::confirmed::<B>),
                )
                .branch(case![A::Join(code)].endpoint(teams::join::<B>))
                .branch(dptree::filter(|a: Action| matches!(a, A::Pick { .. })).endpoint(teams::picked::<B>))
                .branch(dptree::filter(|a: Action| matches!(a, A::Round { .. })).endpoint(teams::round::<B>))
                .branch(
                    dptree::filter(|a: Action| matches!(a, A::TeamLanguage { .. }))
                        .endpoint(teams::team_language::<B>),
                )
                .branch(case![A::StartScan].endpoint(chat::start_scan::<B>))
                .branch(
                    dptree::filter(|a: Action| matches!(a, A::Scan(_) | A::ScanInstead(_)))
                        .endpoint(chat::scan_picked::<B>),
                )
                .branch(
                    dptree::filter(|a: Action| matches!(a, A::RoundFlow { .. }))
                        .endpoint(teams::round_flow::<B>),
                )
                .branch(
                    dptree::filter(|a: Action| matches!(a, A::OpenRound { .. }))
                        .endpoint(teams::open_round::<B>),
                )
                .branch(case![A::MoreHelp].endpoint(chat::more_help::<B>))
                .branch(case![A::Levels].endpoint(chat::levels::<B>))
                .branch(case![A::Reminders(on)].endpoint(teams::reminders::<B>)),
        )
        .endpoint(taps::undecodable_tap::<B>);
    let private = dptree::filter(|msg: Message| msg.chat.is_private());
    let private_tap =
        dptree::filter(|query: CallbackQuery| query.message.as_ref().is_some_and(|m| m.chat().is_private()));
    first_delivery
        .branch(
            Update::filter_message()
                .branch(private.chain(private_message))
                .endpoint(chat::group_message::<B>),
        )
        .branch(
            Update::filter_callback_query().branch(private_tap.chain(taps)).endpoint(taps::unowned_tap::<B>),
        )
        .branch(dptree::endpoint(chat::other_update))
}

/// What a private text message is: our command, another bot's, an unknown one, or text.
fn said(msg: Message, shared: Arc<Shared>) -> Option<Said> {
    Some(Said::parse(msg.text().unwrap_or_default(), &shared.username))
}

/// Every request a command makes, to its endpoint: exhaustive, so a new request does not
/// compile until Telegram handles it.
async fn route<B: TgBot>(turn: turn::Turn<B>, request: conversation::Request) -> HandlerResult {
    use conversation::Request as R;
    match request {
        R::Start(payload) => chat::start(turn, payload).await,
        R::Scan(id) => chat::scan(turn, id).await,
        R::Back => chat::back(turn).await,
        R::Snapshot => chat::snapshot(turn).await,
        R::History => chat::history(turn).await,
        R::Language => chat::language(turn).await,
        R::Settings => chat::settings(turn).await,
        R::Cancel => chat::cancel(turn).await,
        R::Help => chat::help(turn).await,
        R::Privacy => chat::privacy_statement(turn).await,
        R::MyData => chat::my_data(turn).await,
        R::Forget => chat::forget_confirm(turn).await,
        R::Team(TeamRequest::List) => teams::list(turn).await,
        R::Team(TeamRequest::New(name)) => teams::new_team(turn, name).await,
        R::Team(TeamRequest::Org) => teams::org(turn).await,
        R::Team(TeamRequest::Report(what)) => teams::report(turn, what).await,
        R::Team(TeamRequest::On(action)) => teams::pick(turn, action).await,
        R::Team(TeamRequest::WebLink) => teams::web_link(turn).await,
    }
}

/// The person's turn for a private message. A store error is logged and the update left
/// unmarked, so it is tried again.
async fn message_turn<B: TgBot>(
    bot: B,
    shared: Arc<Shared>,
    update: Update,
    msg: Message,
    said: Said,
) -> Option<turn::Turn<B>> {
    let user = msg.from.clone()?;
    let invite = match said {
        Said::Command(Command::Start(payload)) => payload.strip_prefix(JOIN_PREFIX).map(str::to_string),
        _ => None,
    };
    load_turn(shared, bot, msg.chat.id, user, update, invite).await
}

/// Loads a person's turn on the blocking pool: it reads the store. A team's link (`invite`)
/// speaks the team's language from the first message on (the welcome at first contact
/// included), unless the person chose one themselves.
async fn load_turn<B: TgBot>(
    shared: Arc<Shared>,
    bot: B,
    chat: ChatId,
    user: teloxide::types::User,
    update: Update,
    invite: Option<String>,
) -> Option<turn::Turn<B>> {
    crate::pool::off_async(move || {
        let mut turn = turn::Turn::load(shared, bot, chat, &user, &update)?;
        if let Some(code) = invite
            && let Some(lang) = team_language::of_invite(turn.app(), &turn.session, &code)?
        {
            turn.session.adopt_language(lang);
        }
        anyhow::Ok(turn)
    })
    .await
    .map_err(|err| tracing::error!(%err, "could not load a person"))
    .ok()
}

/// A tap on a message of ours.
fn tap(query: CallbackQuery) -> Option<tap::Tap> {
    let message = query.message.as_ref()?.id();
    Some(tap::Tap { query: Arc::new(query), message })
}

/// Whether the tapped message is in the tapper's own private chat; one that claims
/// another chat is forged.
fn own_chat(tap: &tap::Tap) -> bool {
    tap.query.message.as_ref().is_some_and(|message| message.chat().id.0 == tap.query.from.id.0 as i64)
}

/// The person's turn for a tap in their own private chat; a forged tap gets none.
async fn tap_turn<B: TgBot>(
    bot: B,
    shared: Arc<Shared>,
    update: Update,
    tap: tap::Tap,
) -> Option<turn::Turn<B>> {
    if !own_chat(&tap) {
        return None;
    }
    let chat = tap.query.message.as_ref()?.chat().id;
    load_turn(shared, bot, chat, tap.query.from.clone(), update, None).await
}

/// Deletes completed responses past the retention period, at start-up and then daily.
async fn retention(shared: Arc<Shared>) {
    let period = crate::app::privacy::SWEEP_EVERY;
    // The first sweep ran at start-up, before any update was taken.
    let mut every = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    loop {
        every.tick().await;
        let app = shared.clone();
        let swept =
            tokio::task::spawn_blocking(move || crate::app::privacy::sweep(&app.app, crate::unix_now()));
        match swept.await {
            Ok(Ok(0)) => {}
            Ok(Ok(deleted)) => tracing::info!(deleted, "deleted responses past the retention period"),
            Ok(Err(err)) => tracing::error!(%err, "could not delete responses past the retention period"),
            Err(err) => tracing::error!(%err, "the retention sweep failed"),
        }
    }
}

/// Command lists and descriptions per language, so Telegram shows them in the person's
/// language, then the menus of leads and admins if they changed. Failures are logged, not
/// fatal: the bot works without them.
async fn register(bot: Bot, shared: Arc<Shared>) {
    let started = std::time::Instant::now();
    // Telegram picks lists by two-letter code; Flemish users get the Dutch ones.
    for (lang, code) in [(Lang::En, None), (Lang::Nl, Some("nl")), (Lang::En, Some("en"))] {
        let locales = &shared.app.content.locales;
        let mut set_commands = bot.set_my_commands(menus::commands(locales, lang, Roles::EVERYONE));
        let mut description = bot.set_my_description().description(locales.msg(lang, Msg::TgDescription));
        let mut short =
            bot.set_my_short_description().short_description(locales.msg(lang, Msg::TgShortDescription));
        if let Some(code) = code {
            set_commands = set_commands.language_code(code);
            description = description.language_code(code);
            short = short.language_code(code);
        }
        let results = [set_commands.await.err(), description.await.err(), short.await.err()];
        for err in results.into_iter().flatten() {
            tracing::warn!(%err, "could not register commands or descriptions");
        }
    }
    let changed = menus::refresh_changed(&bot, &shared).await;
    let seconds = started.elapsed().as_secs_f64();
    match changed {
        Ok(None) => tracing::info!(seconds, "commands registered; the chat menus are as last set"),
        Ok(Some(chats)) => tracing::info!(chats, seconds, "commands registered; chat menus set"),
        Err(err) => tracing::warn!(%err, "could not list leads and admins for their menus"),
    }
}
