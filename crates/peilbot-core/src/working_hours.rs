//! When the bot may nudge someone: working days, 9:00 to 17:00, Dutch and Belgian time.
//!
//! The Netherlands and Belgium keep the same clock (CET, CEST in summer, switching on the
//! same days), so one zone's rules serve both. The time comes in as an argument (Unix
//! milliseconds); the zone rules are compiled in, so nothing here reads a clock or a file.
//!
//! A working day is a weekday that is a public holiday in neither country (see
//! [`is_public_holiday`]): one queue serves members of both, and nobody is nudged on their
//! day off. Local days off (carnival in the south, a town's own fair) are not known here.

use jiff::civil::{Date, Time, Weekday};
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

fn is_working_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_public_holiday(date)
}

/// The national public holidays of the Netherlands (the Algemene termijnenwet's days,
/// with Liberation Day every year) and of Belgium (the ten legal holidays), together.
pub fn is_public_holiday(date: Date) -> bool {
    let fixed = matches!(
        (date.month(), date.day()),
        // New Year; Labour Day (BE); Liberation Day (NL); National Day, Assumption,
        // All Saints', Armistice (BE); Christmas, and Boxing Day (NL).
        (1, 1) | (5, 1) | (5, 5) | (7, 21) | (8, 15) | (11, 1) | (11, 11) | (12, 25) | (12, 26)
    );
    // King's Day (NL): 27 April, or the 26th when the 27th is a Sunday.
    let kings_day = match Date::new(date.year(), 4, 27) {
        Ok(day) if day.weekday() == Weekday::Sunday => Date::new(date.year(), 4, 26).ok(),
        day => day.ok(),
    };
    // Easter Monday, Ascension Day and Whit Monday, both countries.
    let easter = computus::gregorian(i32::from(date.year()))
        .ok()
        .and_then(|easter| Date::new(date.year(), easter.month as i8, easter.day as i8).ok());
    let after_easter =
        |days: i64| easter.and_then(|easter| easter.checked_add(jiff::Span::new().days(days)).ok());
    fixed || Some(date) == kings_day || [1, 39, 50].into_iter().any(|days| Some(date) == after_easter(days))
}

/// Whether `now` (Unix milliseconds) falls on a working day between 9:00 and 17:00.
pub fn is_open(now: u64) -> bool {
    let local = zoned(now);
    is_working_day(local.date()) && (OPENS..CLOSES).contains(&local.hour())
}

/// The first moment at or after `now` when nudges may go out (`now` itself when open).
pub fn next_open(now: u64) -> u64 {
    if is_open(now) {
        return now;
    }
    let local = zoned(now);
    let mut date = local.date();
    // Later today, if the morning has not begun yet; otherwise from tomorrow on.
    if !(is_working_day(date) && local.hour() < OPENS) {
        date = date.tomorrow().expect("not the end of time");
    }
    while !is_working_day(date) {
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
    fn public_holidays_of_either_country_are_no_working_days() {
        let day = |text: &str| text.parse::<Date>().unwrap();
        // 2027: Easter is on 28 March.
        for holiday in [
            "2027-01-01", // New Year
            "2027-03-29", // Easter Monday
            "2027-04-27", // King's Day (NL), a Tuesday
            "2027-05-05", // Liberation Day (NL)
            "2027-05-06", // Ascension Day
            "2027-05-17", // Whit Monday
            "2027-07-21", // National Day (BE)
            "2027-11-01", // All Saints' Day (BE)
            "2027-11-11", // Armistice Day (BE)
            "2026-12-25",
            "2026-12-28", // not a holiday: the Monday after Christmas
        ] {
            assert_eq!(is_public_holiday(day(holiday)), holiday != "2026-12-28", "{holiday}");
        }
        // King's Day moves to Saturday 26 April when the 27th is a Sunday.
        assert!(is_public_holiday(day("2025-04-26")) && !is_public_holiday(day("2025-04-27")));
        assert!(!is_open(at("2027-03-29T10:00:00")), "Easter Monday");
        assert!(!is_open(at("2027-07-21T10:00:00")), "the Belgian National Day holds the queue for all");
    }

    #[test]
    fn after_christmas_nudges_wait_for_the_monday() {
        // Christmas 2026 is a Friday and Boxing Day a Saturday.
        assert_eq!(next_open(at("2026-12-24T17:30:00")), at("2026-12-28T09:00:00"));
        assert_eq!(next_open(at("2026-12-31T17:00:00")), at("2027-01-04T09:00:00"), "New Year is a Friday");
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
