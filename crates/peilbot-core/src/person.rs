//! Who someone is, as far as the core knows: an opaque id.

use serde::{Deserialize, Serialize};

/// An opaque person id, e.g. `tg:12345` or `local:terminal`. Adapters choose the prefix;
/// the store and engine never look inside.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PersonId(pub String);
