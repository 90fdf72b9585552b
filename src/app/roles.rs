//! Who a person is to the bot: everyone may scan and make a team; a lead (of at least
//! one team) may also run it; an organisation admin may also see the organisation.
//! Menus and `/help` show each person what their roles allow, and nothing more.

use super::App;
use crate::person::PersonId;

/// The roles a person has now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Roles {
    pub lead: bool,
    pub admin: bool,
}

/// Who a command is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    Leads,
    Admins,
    /// Leads (their team) and admins (the organisation).
    LeadsAndAdmins,
}

impl Audience {
    pub fn allows(self, roles: Roles) -> bool {
        match self {
            Audience::Everyone => true,
            Audience::Leads => roles.lead,
            Audience::Admins => roles.admin,
            Audience::LeadsAndAdmins => roles.lead || roles.admin,
        }
    }
}

impl Roles {
    /// Only what everyone has: the menu for people without a role of their own.
    pub const EVERYONE: Roles = Roles { lead: false, admin: false };

    pub fn any(self) -> bool {
        self.lead || self.admin
    }
}

impl App {
    /// The person's roles, from the teams they lead and the admin list.
    pub fn roles(&self, person: &PersonId) -> anyhow::Result<Roles> {
        let lead = self.store.teams_of(person)?.iter().any(|team| team.is_lead(person));
        Ok(Roles { lead, admin: self.admins.contains(person) })
    }

    /// Everyone who has a role of their own (for their menus at start-up).
    pub fn people_with_roles(&self) -> anyhow::Result<Vec<PersonId>> {
        let mut people: Vec<PersonId> = self.admins.clone();
        for team in self.store.all_teams()? {
            people.extend(team.leads.iter().cloned());
        }
        people.sort();
        people.dedup();
        Ok(people)
    }
}
