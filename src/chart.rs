// PLACEHOLDER until the chart helper delivers.
pub struct ProfileRow {
    pub label: String,
    pub current: Option<f64>,
    pub ambition: Option<f64>,
    pub spread: Option<(f64, f64)>,
}
pub struct ProfileText {
    pub title: String,
    pub current: String,
    pub ambition: String,
    pub spread: Option<String>,
    pub levels: [String; 5],
}
