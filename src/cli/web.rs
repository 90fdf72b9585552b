//! `peilbot web`: the scan in a browser, alone on a data folder (no Telegram token
//! needed); `peilbot serve --web-listen` runs the same channel beside the bot.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use url::Url;

use super::{ContentDir, DataDir, DeploymentArgs, Retention, load_content_from};
use crate::app::sign_in::org_admin;
use crate::app::{App, Deployment};
use crate::content::Content;
use crate::store::Store;
use crate::telegram;
use crate::web::Limits;

#[derive(Debug, clap::Args)]
pub struct WebArgs {
    /// Address the web channel listens on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The public address, for links (e.g. https://scan.example.nl); cookies are Secure on https.
    /// Without it, links name the address listened on (unless that is 0.0.0.0 or ::).
    #[arg(long, env = "PEILBOT_WEB_URL")]
    pub web_url: Option<Url>,
    #[command(flatten)]
    pub data: DataDir,
    #[command(flatten)]
    pub content: ContentDir,
    /// No team result over fewer respondents than this (at least 3).
    #[arg(long, env = "PEILBOT_MIN_RESPONDENTS", default_value_t = crate::anonymity::DEFAULT_MIN_RESPONDENTS)]
    pub min_respondents: usize,
    #[command(flatten)]
    pub retention: Retention,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub deployment: DeploymentArgs,
}

/// How the web channel limits requests, for `web` and `serve --web-listen`.
#[derive(Debug, clap::Args)]
pub struct LimitArgs {
    /// Requests a minute one address may make (an office behind one NAT is one address).
    #[arg(long, env = "PEILBOT_WEB_PER_ADDRESS", default_value_t = crate::web::DEFAULT_PER_ADDRESS)]
    pub per_address: u32,
    /// The reverse proxy in front (e.g. 127.0.0.1; comma-separated for several): its
    /// X-Forwarded-For then names the address a request counts against. Without it, behind a
    /// proxy, the limit per address counts everyone together.
    #[arg(long = "trusted-proxy", env = "PEILBOT_WEB_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<IpAddr>,
}

impl LimitArgs {
    /// The limits for a channel on `listen` whose public address is `public`; says at
    /// start-up when that looks like a reverse proxy no one named.
    pub fn limits(&self, listen: SocketAddr, public: Option<&Url>) -> Limits {
        // https on a public address, plain http on this machine only: a reverse proxy.
        let proxied = listen.ip().is_loopback() && public.is_some_and(|url| url.scheme() == "https");
        if proxied && self.trusted_proxies.is_empty() {
            tracing::warn!(
                "behind a reverse proxy every request comes from its address: give --trusted-proxy (PEILBOT_WEB_TRUSTED_PROXIES) so that the limit per address counts each client"
            );
        }
        Limits::new(self.per_address, self.trusted_proxies.clone())
    }
}

/// `peilbot web`: the scan in a browser.
pub fn run(args: WebArgs) -> anyhow::Result<()> {
    let content = load_content_from(args.content.content.as_deref())?;
    let store = args.data.open(&content)?;
    args.data.warn_if_others_can_read();
    let deployment = args.deployment.deployment();
    // A team's link made on this machine's own address works for a try-out at least.
    let listen = args.listen;
    let listened = || Url::parse(&format!("http://{listen}/")).ok().filter(|_| !listen.ip().is_unspecified());
    let web_url = args.web_url.or_else(listened);
    let limits = args.limits.limits(args.listen, web_url.as_ref());
    let web = channel(content, store, args.min_respondents, args.retention.days, web_url, limits, deployment);
    // Before the first page: no expired response may be shown.
    crate::app::privacy::sweep(&web.app, crate::unix_now())?;
    web.app.deployment.warn_if_unset();
    let runtime = tokio::runtime::Runtime::new()?;
    // Dropped with the runtime, which removes the socket.
    runtime.spawn(crate::control::serve(args.data.path.clone(), web.app.store.clone()));
    runtime.block_on(async {
        crate::web::serve(web.clone(), args.listen, telegram::stop_signal()).await?;
        web.app.store.flush()?;
        tracing::info!("stopped; all answers are on disk");
        Ok(())
    })
}

pub fn channel(
    content: Content,
    store: Store,
    min_respondents: usize,
    retention_days: u32,
    public: Option<Url>,
    limits: Limits,
    deployment: Deployment,
) -> Arc<crate::web::Web> {
    let rules = crate::anonymity::Rules::new(min_respondents);
    let app =
        App { content, store, rules, admins: vec![org_admin()], retention_days, web_url: public, deployment };
    Arc::new(crate::web::Web::new(app, limits))
}
