//! When the bot may nudge someone: working days, 9:00 to 17:00, Dutch and Belgian time.
//!
//! The Netherlands and Belgium keep the same clock (CET, CEST in summer, switching on the
//! same days), so one zone's rules serve both. The time comes in as an argument (Unix
//! milliseconds); the zone rules are compiled in, so nothing here reads a clock or a file.
//! Public holidays differ per municipality and are not known here.

use jiff::civil::{Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

/// The zone whose rules both countries share.
pub const ZONE: &str = "Europe/Amsterdam";
/// The first hour a nudge may go out, and the hour from which none may.
pub const OPENS: i8 = 9;
pub const CLOSES: i8 = 17;

fn zone() -> TimeZone {
    TimeZone::get(ZONE).expect("the bundled time zone database knows Europe/Amsterdam")
}

fn zoned(now: u64) -> Zoned {
    let millis = i64::try_from(now).unwrap_or(i64::MAX);
    Timestamp::from_millisecond(millis).unwrap_or(Timestamp::MAX).to_zoned(zone())
}

fn is_working_day(day: Weekday) -> bool {
    !matches!(day, Weekday::Saturday | Weekday::Sunday)
}

/// Whether `now` (Unix milliseconds) falls on a working day between 9:00 and 17:00.
pub fn is_open(now: u64) -> bool {
    let local = zoned(now);
    is_working_day(local.weekday()) && (OPENS..CLOSES).contains(&local.hour())
}

/// The first moment at or after `now` when nudges may go out (`now` itself when open).
pub fn next_open(now: u64) -> u64 {
    if is_open(now) {
        return now;
    }
    let local = zoned(now);
    let mut date = local.date();
    // Later today, if the morning has not begun yet; otherwise from tomorrow on.
    if !(is_working_day(date.weekday()) && local.hour() < OPENS) {
        date = date.tomorrow().expect("not the end of time");
    }
    while !is_working_day(date.weekday()) {
        date = date.tomorrow().expect("not the end of time");
    }
    let opening = date.to_datetime(Time::constant(OPENS, 0, 0, 0));
    let at = opening.to_zoned(zone()).expect("9:00 exists on every day in this zone");
    u64::try_from(at.timestamp().as_millisecond()).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unix milliseconds of a local time in Amsterdam and Brussels.
    fn at(local: &str) -> u64 {
        let zoned = local.parse::<jiff::civil::DateTime>().unwrap().to_zoned(zone()).unwrap();
        zoned.timestamp().as_millisecond() as u64
    }

    #[test]
    fn open_on_working_days_from_nine_until_five() {
        // Tuesday 1 December 2026.
        assert!(!is_open(at("2026-12-01T08:59:59")));
        assert!(is_open(at("2026-12-01T09:00:00")));
        assert!(is_open(at("2026-12-01T16:59:59")));
        assert!(!is_open(at("2026-12-01T17:00:00")));
        // Saturday and Sunday.
        assert!(!is_open(at("2026-12-05T11:00:00")));
        assert!(!is_open(at("2026-12-06T11:00:00")));
    }

    #[test]
    fn brussels_keeps_the_same_hours() {
        let brussels = TimeZone::get("Europe/Brussels").unwrap();
        for local in ["2026-03-30T09:30:00", "2026-07-01T16:30:00", "2026-10-26T08:30:00"] {
            let in_brussels = local.parse::<jiff::civil::DateTime>().unwrap().to_zoned(brussels.clone());
            let millis = in_brussels.unwrap().timestamp().as_millisecond() as u64;
            assert_eq!(is_open(millis), is_open(at(local)), "{local}");
        }
    }

    #[test]
    fn summer_time_moves_the_hours_with_the_clock() {
        // 9:00 in July is 7:00 UTC, in December 8:00 UTC.
        assert_eq!(at("2026-07-01T09:00:00"), 1_782_889_200_000);
        assert!(is_open(1_782_889_200_000));
        assert!(!is_open(1_782_889_200_000 - 1));
        assert!(is_open(at("2026-12-01T09:00:00")));
    }

    #[test]
    fn outside_the_hours_nudges_wait_for_the_next_working_morning() {
        let tuesday_nine = at("2026-12-01T09:00:00");
        assert_eq!(next_open(at("2026-12-01T06:15:00")), tuesday_nine);
        assert_eq!(next_open(at("2026-11-30T17:00:00")), tuesday_nine, "Monday evening: Tuesday");
        assert_eq!(next_open(at("2026-12-04T18:00:00")), at("2026-12-07T09:00:00"), "Friday: Monday");
        assert_eq!(next_open(at("2026-12-05T10:00:00")), at("2026-12-07T09:00:00"), "Saturday: Monday");
        let noon = at("2026-12-01T12:00:00");
        assert_eq!(next_open(noon), noon, "open now: now");
    }
}
