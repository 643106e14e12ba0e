//! Upstream's single pass over every leadership entry (spec §2.4 rule 3),
//! shared by the person rules: each rule keeps the findings of its kind.
//!
//! The GB rep is registered first; then, for every group (SIGs, WGs, UGs,
//! committees, each by `dir`) and every role (chairs, tech leads, emeritus),
//! the first non-emeritus entry of a login is the reference its later
//! entries must match. Upstream iterates Go maps, so its choice of reference
//! can vary between runs; bazaar's order is fixed.

use std::collections::HashMap;

use crate::model::{Community, Group, LeadRole, Person};

/// One person-level problem, with what the messages need.
pub(crate) enum Finding<'a> {
    MissingGithub {
        group: &'a Group,
        role: LeadRole,
        person: &'a Person,
    },
    EmailMismatch {
        group: &'a Group,
        person: &'a Person,
        reference: &'a Person,
    },
    CompanyMismatch {
        group: &'a Group,
        person: &'a Person,
        reference: &'a Person,
    },
    NameMismatch {
        group: &'a Group,
        role: LeadRole,
        person: &'a Person,
        reference: &'a Person,
    },
    MissingEmail {
        group: &'a Group,
        person: &'a Person,
    },
    MissingCompany {
        group: &'a Group,
        person: &'a Person,
    },
    MissingName {
        group: &'a Group,
        person: &'a Person,
    },
    EmeritusCompany {
        group: &'a Group,
        person: &'a Person,
    },
}

pub(crate) fn findings(c: &Community) -> Vec<Finding<'_>> {
    let mut out = Vec::new();
    let mut people: HashMap<&str, &Person> = HashMap::new();
    people.insert(c.gb_rep.github.as_str(), &c.gb_rep);
    for group in c.groups() {
        for (role, persons) in group.leadership.by_role() {
            let emeritus = role == LeadRole::EmeritusLead;
            for person in persons {
                if person.github.is_empty() {
                    out.push(Finding::MissingGithub {
                        group,
                        role,
                        person,
                    });
                    continue;
                }
                if let Some(&reference) = people.get(person.github.as_str()) {
                    if !emeritus {
                        if reference.email != person.email {
                            out.push(Finding::EmailMismatch {
                                group,
                                person,
                                reference,
                            });
                        }
                        if reference.company != person.company {
                            out.push(Finding::CompanyMismatch {
                                group,
                                person,
                                reference,
                            });
                        }
                    }
                    if reference.name != person.name {
                        out.push(Finding::NameMismatch {
                            group,
                            role,
                            person,
                            reference,
                        });
                    }
                } else if !emeritus {
                    people.insert(person.github.as_str(), person);
                    if person.email.is_empty() {
                        out.push(Finding::MissingEmail { group, person });
                    }
                    if person.company.is_empty() {
                        out.push(Finding::MissingCompany { group, person });
                    }
                }
                if person.name.is_empty() {
                    out.push(Finding::MissingName { group, person });
                }
                if emeritus && !person.company.is_empty() {
                    out.push(Finding::EmeritusCompany { group, person });
                }
            }
        }
    }
    out
}
