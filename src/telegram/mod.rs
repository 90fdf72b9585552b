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
//! Routing lives in [`schema`]; each endpoint loads the person's state, runs one engine
//! step, commits it together with the update id (so a redelivered update is skipped),
//! and only then talks to Telegram.

mod callback;
mod chat;
pub mod config;
mod send;
mod teams;

use std::net::SocketAddr;
use std::sync::Arc;

use teloxide::adaptors::throttle::{Limits, Throttle};
use teloxide::dispatching::UpdateHandler;
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::types::{BotCommand, UserId};
use teloxide::update_listeners::webhooks;
use url::Url;

use crate::anonymity::Rules;
use crate::content::Content;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::store::Store;

pub use callback::Callback;
pub use config::{ConfigError, Token};
pub use send::split_text;

/// The bot the endpoints talk to: plain, or wrapped in teloxide's `Throttle`.
pub trait TgBot:
    Requester<Err = teloxide::RequestError, GetUpdates: Send> + Clone + Send + Sync + 'static
{
}
impl<B> TgBot for B where
    B: Requester<Err = teloxide::RequestError, GetUpdates: Send> + Clone + Send + Sync + 'static
{
}

type HandlerError = Box<dyn std::error::Error + Send + Sync>;
type HandlerResult = Result<(), HandlerError>;

/// Applied update ids kept to recognise redeliveries (far more than a day of traffic).
const KEEP_UPDATE_IDS: usize = 100_000;

/// What every endpoint shares.
pub struct App {
    pub content: Content,
    pub store: Store,
    /// The bot's @username, for deep links.
    pub username: String,
    /// The anonymity thresholds every team view goes through.
    pub rules: Rules,
    /// Organisation admins, who may see /org.
    pub admins: Vec<UserId>,
}

/// How `peilbot serve` runs.
pub struct ServeConfig {
    pub token: Token,
    pub api_url: Option<Url>,
    /// Keep Telegram's rate limits (off only for tests against a local fake).
    pub throttle: bool,
    pub webhook: Option<Webhook>,
    pub min_respondents: usize,
    pub admins: Vec<UserId>,
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

    let rules = Rules::new(config.min_respondents);
    if rules.min_respondents() != config.min_respondents {
        let min_respondents = rules.min_respondents();
        tracing::warn!(min_respondents, "team results need at least 3 respondents; using 3");
    }
    let pruned = store.prune_updates(KEEP_UPDATE_IDS)?;
    if pruned > 0 {
        tracing::info!(pruned, "forgot old update ids");
    }
    let app = Arc::new(App { content, store: store.clone(), username, rules, admins: config.admins });
    register(&bot, &app).await;

    if config.throttle {
        let throttled = Throttle::new_spawn(bot.clone(), Limits::default());
        dispatch(throttled, bot, app, config.webhook).await?;
    } else {
        dispatch(bot.clone(), bot, app, config.webhook).await?;
    }
    store.flush()?;
    tracing::info!("stopped; all answers are on disk");
    Ok(())
}

async fn dispatch<B: TgBot>(
    bot: B,
    plain: Bot,
    app: Arc<App>,
    webhook: Option<Webhook>,
) -> anyhow::Result<()> {
    let mut dispatcher = Dispatcher::builder(bot, schema::<B>())
        .dependencies(dptree::deps![app])
        .default_handler(|_| async {})
        .error_handler(LoggingErrorHandler::with_custom_text("an update could not be handled"))
        .enable_ctrlc_handler()
        .build();
    match webhook {
        None => dispatcher.dispatch().await,
        Some(webhook) => {
            let mut options = webhooks::Options::new(webhook.listen, webhook.url);
            if let Some(secret) = webhook.secret {
                options = options.secret_token(secret);
            }
            let listener = webhooks::axum(plain, options).await?;
            let errors = LoggingErrorHandler::with_custom_text("the webhook listener failed");
            dispatcher.dispatch_with_listener(listener, errors).await;
        }
    }
    Ok(())
}

/// The whole routing tree.
pub fn schema<B: TgBot>() -> UpdateHandler<HandlerError> {
    let first_delivery = dptree::filter(|update: Update, app: Arc<App>| {
        // A store error here must not drop the update: treat it as new.
        !app.store.seen_update(&chat::update_key(&update)).unwrap_or(false)
    });
    let private = dptree::filter(|msg: Message| msg.chat.is_private());
    first_delivery
        .branch(
            Update::filter_message()
                .branch(private.endpoint(chat::on_private_message::<B>))
                .endpoint(chat::on_group_message::<B>),
        )
        .branch(Update::filter_callback_query().endpoint(chat::on_callback::<B>))
        .branch(dptree::endpoint(chat::on_other_update))
}

/// Command lists and descriptions per language, so Telegram shows them in the person's
/// language. Failures are logged, not fatal: the bot works without them.
async fn register(bot: &Bot, app: &App) {
    // Telegram picks lists by two-letter code; Flemish users get the Dutch ones.
    for (lang, code) in [(Lang::En, None), (Lang::Nl, Some("nl")), (Lang::En, Some("en"))] {
        let locales = &app.content.locales;
        let commands: Vec<BotCommand> = chat::COMMANDS
            .iter()
            .map(|(name, description)| BotCommand::new(*name, locales.msg(lang, *description)))
            .collect();
        let mut set_commands = bot.set_my_commands(commands);
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
}
