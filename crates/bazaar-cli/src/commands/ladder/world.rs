//! Adapters: read each data set the ladder needs with its own capability's
//! loader and convert it into bazaar-ladder's plain input ([`LadderData`]).
//!
//! | input | read by | from |
//! |---|---|---|
//! | org membership | bazaar-ladder `load` | `[org] root` (a kubernetes/org checkout) |
//! | OWNERS files | bazaar-review `load` (Prow's semantics) | every `[checkouts]` entry |
//! | groups, leads, subprojects | bazaar-community | `[community] root` |
//! | activity | bazaar-activity `query::people_activity` | `[activity] store` (+ gitdm affiliations) |
//! | role dates | bazaar-ladder `dates` | `[ladder] dates` |
//!
//! Without a workspace every input is the embedded default's: its registry,
//! its org, the OWNERS files of a few subprojects and a synthetic year of
//! activity, with "now" fixed at the sample's end so output never drifts.
//! Nothing here decides policy: the rules live in the engines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use bazaar_activity::affiliations::Affiliations;
use bazaar_activity::date::Day;
use bazaar_activity::identity::Identities;
use bazaar_activity::query::{PeopleActivity, extent, people_activity};
use bazaar_activity::sample::{self, Level, SampleSpec};
use bazaar_activity::stats::Window;
use bazaar_activity::store::Store;
use bazaar_community::owners_url::OwnersUrl;
use bazaar_community::{Community, Source};
use bazaar_core::Login;
use bazaar_core::workspace::Workspace;
use bazaar_ladder::activity::{Activity, ActivityData, ActivityWindow};
use bazaar_ladder::audit::{self, Exception, Group, GroupKind, Meeting, Membership, Subproject};
use bazaar_ladder::data::LadderData;
use bazaar_ladder::dates::{RoleDates, parse_role_dates};
use bazaar_ladder::embedded;
use bazaar_ladder::ladder::Rung;
use bazaar_ladder::org::{OrgTree, OwnersEntry, OwnersFile, OwnersScope, Pos};
use bazaar_review::history::{Version, role_since};
use bazaar_review::owners::{
    OwnersConfig, OwnersTree, ProwView, Section, SourceFile, SourceKind, norm_login,
};
use jiff::civil::Date;

/// Where the data came from, for the header people see.
#[derive(Clone, Debug)]
pub enum Origin {
    Embedded,
    Workspace(PathBuf),
}

/// The assembled data plus what the reader should know about it.
#[derive(Clone, Debug)]
pub struct World {
    pub data: LadderData,
    pub origin: Origin,
    /// One line per input: what was read, or why it is missing.
    pub inputs: Vec<String>,
}

/// Choices the command line makes.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub now: Option<Date>,
    /// Overrides the workspace's activity store.
    pub store: Option<PathBuf>,
    /// A `korg audit` exceptions CSV.
    pub exceptions: Option<PathBuf>,
}

/// The embedded default community.
pub fn embedded(opts: &Options) -> anyhow::Result<World> {
    let settings = embedded::sample_settings().context("the embedded activity sample settings")?;
    let now = opts.now.unwrap_or(settings.end);
    let mut inputs = Vec::new();

    let tree = embedded::org_tree();
    let orgs = memberships(&tree, &[]);
    inputs.push(format!(
        "org membership: embedded `{}` org ({} admins and members)",
        embedded::ORG,
        people_in(&orgs)
    ));

    let checkouts = embedded_checkouts();
    let owners = owners_files(&checkouts);
    inputs.push(format!(
        "OWNERS: {} files of {} embedded repositories",
        owners.len(),
        checkouts.len()
    ));

    let source = Source::embedded();
    let community = decode(&source)?;
    let (groups, unread) = groups_of(&community, "<embedded>/sigs.yaml", &checkouts);
    inputs.push(format!(
        "groups: embedded registry ({} groups; OWNERS of {unread} subproject(s) not embedded)",
        groups.len()
    ));

    // The sample's people: every admin and member, every lead, and the
    // contributors of the settings (bots do not get synthetic activity).
    let mut people: BTreeSet<Login> = BTreeSet::new();
    for m in &orgs {
        people.extend(m.people.iter().map(|(l, _)| l.clone()));
    }
    for g in &groups {
        people.extend(g.chairs.iter().chain(&g.tech_leads).cloned());
        for s in &g.subprojects {
            people.extend(s.leads.iter().cloned());
        }
    }
    people.extend(settings.contributors.iter().map(|c| Login::new(c)));
    let people: Vec<String> = people
        .into_iter()
        .filter(|l| !bazaar_activity::bots::is_bot_login(l.as_str()))
        .map(|l| l.as_str().to_string())
        .collect();
    let level_named = |name: &str| match name {
        "idle" => Ok(Level::Idle),
        "occasional" => Ok(Level::Occasional),
        "regular" => Ok(Level::Regular),
        "core" => Ok(Level::Core),
        other => Err(anyhow::anyhow!(
            "the embedded sample names an unknown level `{other}`"
        )),
    };
    let mut levels = BTreeMap::new();
    for (name, logins) in &settings.levels {
        let level = level_named(name)?;
        for l in logins {
            levels.insert(l.to_lowercase(), level);
        }
    }
    let repos: Vec<&str> = settings.repos.iter().map(String::as_str).collect();
    let end = day(settings.end)?;
    let spec = SampleSpec {
        people: &people,
        repos: &repos,
        end,
        seed: settings.seed,
        levels: &levels,
        floor: level_named(&settings.floor)?,
    };
    let mut store = Store::open_in_memory()?;
    sample::ingest_community(&mut store, &spec)?;
    let activity = activity_data(
        &store,
        now,
        &Identities::default(),
        &Affiliations::default(),
    )?;
    inputs.push(format!(
        "activity: synthetic sample of {} people, {}..{} (not real activity)",
        people.len(),
        sample::start(&spec),
        Day(end.0 - 1)
    ));

    let dates = embedded::role_dates().context("the embedded role dates")?;
    inputs.push(format!("role dates: {} embedded (synthetic)", dates.len()));

    let mut data = LadderData {
        now,
        main_org: embedded::ORG.to_string(),
        orgs: Some(orgs),
        owners: Some(owners),
        groups: Some(groups),
        activity: Some(activity.data),
        dates,
        companies: companies(&community, &Affiliations::default(), now),
        exceptions: read_exceptions(opts.exceptions.as_deref())?,
    };
    except_bots(&mut data);
    Ok(World {
        data,
        origin: Origin::Embedded,
        inputs,
    })
}

/// A workspace's data sets; a section the workspace does not configure is
/// an input the engines report as missing.
pub fn from_workspace(ws: &Workspace, opts: &Options) -> anyhow::Result<World> {
    let now = opts.now.unwrap_or_else(today);
    let mut inputs = Vec::new();

    let orgs = match &ws.org_root {
        Some(root) => {
            let tree = bazaar_ladder::load::load_org_root(root)
                .with_context(|| format!("loading the org config under `{}`", root.display()))?;
            let orgs = memberships(&tree, &ws.orgs);
            inputs.push(format!(
                "org membership: {} org(s) under `{}` ({} admins and members{})",
                orgs.len(),
                root.display(),
                people_in(&orgs),
                if tree.diagnostics.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; {} file problem(s), see `bazaar org check`",
                        tree.diagnostics.len()
                    )
                }
            ));
            Some(orgs)
        }
        None => {
            inputs.push("org membership: not configured (`[org] root`)".into());
            None
        }
    };

    let mut checkouts = Vec::new();
    for (repo, path) in &ws.checkouts {
        let (tree, _) = bazaar_review::load::load_tree(path, &OwnersConfig::default())
            .with_context(|| {
                format!(
                    "reading the OWNERS files of `{repo}` at `{}`",
                    path.display()
                )
            })?;
        checkouts.push(Checkout {
            repo: repo.clone(),
            tree,
        });
    }
    let owners = if checkouts.is_empty() {
        inputs.push("OWNERS: no checkouts configured (`[checkouts]`)".into());
        None
    } else {
        let files = owners_files(&checkouts);
        inputs.push(format!(
            "OWNERS: {} files in {} checkout(s)",
            files.len(),
            checkouts.len()
        ));
        Some(files)
    };

    let (groups, community) = match &ws.community_root {
        Some(root) => {
            let source = Source::read_dir(root)
                .with_context(|| format!("reading the community at `{}`", root.display()))?;
            let community = decode(&source)?;
            let label = root.join("sigs.yaml").display().to_string();
            let (groups, unread) = groups_of(&community, &label, &checkouts);
            inputs.push(format!(
                "groups: {} groups in `{label}` (OWNERS of {unread} subproject(s) not in a checkout)",
                groups.len()
            ));
            (Some(groups), Some(community))
        }
        None => {
            inputs.push("groups: not configured (`[community] root`)".into());
            (None, None)
        }
    };

    let paths = &ws.activity;
    let (affs, _) = super::super::stats::load_affiliation_files(
        &paths.affiliations,
        &paths.email_map,
        &paths.domain_map,
        &paths.aliases,
    )?;
    let store_path = opts.store.clone().or_else(|| paths.store.clone());
    let store = match &store_path {
        Some(p) if p.exists() => Some(Store::open(p)?),
        _ => None,
    };
    let activity = match (&store, &store_path) {
        (Some(store), Some(p)) => {
            let ids = Identities::from_store(store)?;
            let a = activity_data(store, now, &ids, &affs)?;
            inputs.push(format!("activity: `{}`: {}", p.display(), a.summary));
            Some(a.data)
        }
        (_, Some(p)) => {
            inputs.push(format!(
                "activity: no store at `{}` (run `bazaar activity ingest ...`)",
                p.display()
            ));
            None
        }
        _ => {
            inputs.push("activity: not configured (`[activity] store`)".into());
            None
        }
    };

    let mut dates = match &ws.ladder_dates {
        Some(p) => {
            let text = bazaar_core::fs::read_to_string(p)?;
            let d = parse_role_dates(&text).map_err(|e| {
                anyhow::anyhow!(
                    "{}:{}:{}: {} ({})",
                    p.display(),
                    e.line,
                    e.col,
                    e.message,
                    e.rule.id
                )
            })?;
            inputs.push(format!("role dates: {} from `{}`", d.len(), p.display()));
            d
        }
        None => RoleDates::default(),
    };
    match &store {
        Some(store) => {
            let (history, repos) = history_dates(store, &checkouts)?;
            if repos.is_empty() {
                inputs.push(
                    "OWNERS history: none in the store for the checkouts (ingest their git history with `--name ORG/REPO`)"
                        .into(),
                );
            } else {
                inputs.push(format!(
                    "OWNERS history: {} reviewer/approver dates from the git history of {}",
                    history.len(),
                    repos.join(", ")
                ));
            }
            dates.merge(history);
        }
        None => inputs.push("OWNERS history: no activity store".into()),
    }
    if dates.is_empty() {
        inputs
            .push("role dates: none (`[ladder] dates`, OWNERS history): tenure is unknown".into());
    }

    let companies = community
        .as_ref()
        .map(|c| companies(c, &affs, now))
        .unwrap_or_default();
    let main_org = ws
        .orgs
        .first()
        .cloned()
        .unwrap_or_else(|| "kubernetes".to_string());
    let mut data = LadderData {
        now,
        main_org,
        orgs,
        owners,
        groups,
        activity,
        dates,
        companies,
        exceptions: read_exceptions(opts.exceptions.as_deref())?,
    };
    except_bots(&mut data);
    Ok(World {
        data,
        origin: Origin::Workspace(ws.file.clone()),
        inputs,
    })
}

/// Reviewer and approver dates from the stored history of each checkout's
/// OWNERS files (the repository ingested under the checkout's `org/repo`
/// name), for the files and people of the checkout as it is now.
fn history_dates(
    store: &Store,
    checkouts: &[Checkout],
) -> anyhow::Result<(RoleDates, Vec<String>)> {
    let mut dates = RoleDates::default();
    let mut repos = Vec::new();
    for c in checkouts {
        let versions = bazaar_activity::query::owners_versions(store, &c.repo)?;
        if versions.is_empty() {
            continue;
        }
        repos.push(format!("`{}`", c.repo));
        let v: Vec<Version> = versions
            .iter()
            .map(|v| Version {
                at: v.at,
                path: &v.path,
                text: v.text.as_deref(),
            })
            .collect();
        let present: BTreeSet<&str> = c.tree.files().iter().map(|f| f.path.as_str()).collect();
        for (path, people) in role_since(&v) {
            // A file the checkout no longer has says nothing about roles held now.
            if !present.contains(path.as_str()) {
                continue;
            }
            let scope = format!("{}/{path}", c.repo);
            for (login, since) in people {
                let login = Login::new(&login);
                if let Some(t) = since.reviewer {
                    dates.insert_in(Rung::Reviewer, login.clone(), &scope, date_of(t)?);
                }
                if let Some(t) = since.approver {
                    dates.insert_in(Rung::Approver, login, &scope, date_of(t)?);
                }
            }
        }
    }
    Ok((dates, repos))
}

fn today() -> Date {
    jiff::Zoned::now().date()
}

fn day(d: Date) -> anyhow::Result<Day> {
    Day::from_ymd(i32::from(d.year()), d.month() as u32, d.day() as u32)
        .with_context(|| format!("{d} is out of range"))
}

fn unix(d: Date) -> anyhow::Result<i64> {
    Ok(day(d)?.unix())
}

fn date_of(unix: i64) -> anyhow::Result<Date> {
    let (y, m, d) = Day::from_unix(unix).ymd();
    Ok(jiff::civil::Date::new(
        i16::try_from(y).context("year out of range")?,
        i8::try_from(m).context("month out of range")?,
        i8::try_from(d).context("day out of range")?,
    )?)
}

fn decode(source: &Source) -> anyhow::Result<Community> {
    source.decode().map_err(|diags| {
        let first = diags.first().map(ToString::to_string).unwrap_or_default();
        anyhow::anyhow!("the group registry does not decode (run `bazaar check`): {first}")
    })
}

fn memberships(tree: &OrgTree, only: &[String]) -> Vec<Membership> {
    tree.orgs
        .iter()
        .filter(|o| only.is_empty() || only.iter().any(|n| n.eq_ignore_ascii_case(&o.name)))
        .map(Membership::from_org)
        .collect()
}

fn people_in(orgs: &[Membership]) -> usize {
    orgs.iter().map(|m| m.people.len()).sum()
}

/// One repository's OWNERS tree, with its `org/repo` name.
struct Checkout {
    repo: String,
    tree: OwnersTree,
}

fn embedded_checkouts() -> Vec<Checkout> {
    let mut by_repo: BTreeMap<&str, (Vec<SourceFile>, Option<&str>)> = BTreeMap::new();
    for f in embedded::CHECKOUTS {
        let slot = by_repo.entry(f.repo).or_default();
        if f.path == "OWNERS_ALIASES" {
            slot.1 = Some(f.text);
        } else {
            slot.0.push(SourceFile {
                path: f.path.to_string(),
                kind: SourceKind::Owners,
                text: f.text.to_string(),
            });
        }
    }
    by_repo
        .into_iter()
        .map(|(repo, (sources, aliases))| Checkout {
            repo: repo.to_string(),
            tree: OwnersTree::build(&sources, aliases, &OwnersConfig::default()).0,
        })
        .collect()
}

/// Every OWNERS file of every checkout, as Prow reads it (a file Prow skips
/// counts for nothing), aliases expanded, display paths `org/repo/path`.
fn owners_files(checkouts: &[Checkout]) -> Vec<OwnersFile> {
    let mut out = Vec::new();
    for c in checkouts {
        for f in c.tree.files() {
            if f.kind != SourceKind::Owners {
                continue;
            }
            let (reviewers, approvers) = effective_entries(&c.tree, &f.parsed);
            out.push(OwnersFile {
                path: format!("{}/{}", c.repo, f.path),
                scope: OwnersScope::Other,
                reviewers,
                approvers,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn effective_entries(
    tree: &OwnersTree,
    parsed: &bazaar_review::owners::OwnersFile,
) -> (Vec<OwnersEntry>, Vec<OwnersEntry>) {
    let Some(doc) = &parsed.doc else {
        return (Vec::new(), Vec::new());
    };
    let sections: Vec<&Section> = match &parsed.prow {
        ProwView::Simple { .. } => vec![&doc.top],
        ProwView::Filters { .. } => doc.filters.iter().map(|f| &f.section).collect(),
        ProwView::Skipped(_) => Vec::new(),
    };
    let expand = |entries: &[bazaar_review::owners::Entry]| -> Vec<OwnersEntry> {
        let mut out = Vec::new();
        for e in entries {
            let pos = Pos::new(e.pos.line, e.pos.col);
            let name = norm_login(e.value.trim());
            match tree.aliases().get(&name) {
                Some(members) => out.extend(members.iter().map(|m| OwnersEntry {
                    login: Login::new(m),
                    pos,
                    alias: Some(e.value.trim().to_string()),
                })),
                None if !name.is_empty() => out.push(OwnersEntry {
                    login: Login::new(&name),
                    pos,
                    alias: None,
                }),
                None => {}
            }
        }
        out
    };
    let mut reviewers = Vec::new();
    let mut approvers = Vec::new();
    for s in sections {
        reviewers.extend(expand(&s.reviewers));
        approvers.extend(expand(&s.approvers));
    }
    (reviewers, approvers)
}

/// The registry's groups as the ladder sees them; subproject approvers come
/// from the OWNERS files the subproject lists, when every one of them is in
/// a checkout. Returns the groups and how many subprojects lack a file.
fn groups_of(community: &Community, file: &str, checkouts: &[Checkout]) -> (Vec<Group>, usize) {
    let mut unread = 0;
    let kinds = [
        (&community.sigs, GroupKind::Sig),
        (&community.working_groups, GroupKind::WorkingGroup),
        (&community.user_groups, GroupKind::UserGroup),
        (&community.committees, GroupKind::Committee),
    ];
    let mut out = Vec::new();
    for (groups, kind) in kinds {
        for g in groups.iter() {
            let subprojects = g
                .subprojects
                .iter()
                .map(|s| {
                    let approvers = subproject_approvers(&s.owners, checkouts);
                    if approvers.is_err() {
                        unread += 1;
                    }
                    Subproject {
                        name: s.name.clone(),
                        pos: Pos::new(s.at.subproject.line, s.at.subproject.col),
                        leads: s.leads.iter().map(|p| Login::new(&p.github)).collect(),
                        approvers,
                    }
                })
                .collect();
            out.push(Group {
                name: g.dir.clone(),
                kind,
                file: file.to_string(),
                pos: Pos::new(g.at.group.line, g.at.group.col),
                chairs: g
                    .leadership
                    .chairs
                    .iter()
                    .map(|p| Login::new(&p.github))
                    .collect(),
                tech_leads: g
                    .leadership
                    .tech_leads
                    .iter()
                    .map(|p| Login::new(&p.github))
                    .collect(),
                meetings: g
                    .meetings
                    .iter()
                    .map(|m| Meeting {
                        description: m.description.clone(),
                        frequency: m.frequency.clone(),
                        pos: Pos::new(m.loc.line, m.loc.col),
                    })
                    .collect(),
                subprojects,
            });
        }
    }
    (out, unread)
}

/// The approvers of every file in `urls`, or why they cannot be known (one
/// file missing is enough: a partial answer could call a subproject dormant
/// wrongly).
fn subproject_approvers(urls: &[String], checkouts: &[Checkout]) -> Result<Vec<Login>, String> {
    if urls.is_empty() {
        return Err("no `owners` listed in the registry".into());
    }
    let mut all: BTreeSet<Login> = BTreeSet::new();
    for url in urls {
        let u = OwnersUrl::parse(url).ok_or_else(|| format!("`{url}` is not an OWNERS URL"))?;
        let repo = format!("{}/{}", u.org, u.repo);
        let c = checkouts
            .iter()
            .find(|c| c.repo.eq_ignore_ascii_case(&repo))
            .ok_or_else(|| format!("no checkout of `{repo}`"))?;
        let (_, path) = u.resolved_branch_and_path();
        let f = c
            .tree
            .files()
            .iter()
            .find(|f| f.path == path)
            .ok_or_else(|| format!("`{path}` is not in the checkout of `{repo}`"))?;
        let (_, approvers) = effective_entries(&c.tree, &f.parsed);
        all.extend(approvers.into_iter().map(|e| e.login));
    }
    Ok(all.into_iter().collect())
}

/// Employers: gitdm affiliations on `now` first, then the registry's
/// `company` of leads.
fn companies(community: &Community, affs: &Affiliations, now: Date) -> BTreeMap<Login, String> {
    let mut out: BTreeMap<Login, String> = BTreeMap::new();
    let groups = community
        .sigs
        .iter()
        .chain(&community.working_groups)
        .chain(&community.user_groups)
        .chain(&community.committees);
    for g in groups {
        let l = &g.leadership;
        let people = l
            .chairs
            .iter()
            .chain(&l.tech_leads)
            .chain(g.subprojects.iter().flat_map(|s| s.leads.iter()));
        for p in people {
            if !p.company.trim().is_empty() {
                out.entry(Login::new(&p.github))
                    .or_insert_with(|| p.company.trim().to_string());
            }
        }
    }
    if let Ok(today) = day(now) {
        for d in affs.developers() {
            if let Some(c) = affs.company_of_login(&d.login, today) {
                out.insert(Login::new(&d.login), c.to_string());
            }
        }
    }
    out
}

fn read_exceptions(path: Option<&Path>) -> anyhow::Result<Vec<Exception>> {
    match path {
        None => Ok(Vec::new()),
        Some(p) => Ok(audit::parse_exceptions_csv(
            &bazaar_core::fs::read_to_string(p)?,
        )),
    }
}

/// Bots (DevStats' patterns) are never "inactive members".
fn except_bots(data: &mut LadderData) {
    let known: BTreeSet<Login> = data.exceptions.iter().map(|e| e.login.clone()).collect();
    for login in data.known_logins() {
        if bazaar_activity::bots::is_bot_login(login.as_str()) && !known.contains(&login) {
            data.exceptions.push(Exception {
                login,
                reason: "bot (DevStats' bot patterns)".into(),
            });
        }
    }
}

/// Activity over the 12 months before `now`, and a one-line summary.
struct LoadedActivity {
    data: ActivityData,
    summary: String,
}

fn activity_data(
    store: &Store,
    now: Date,
    ids: &Identities,
    affs: &Affiliations,
) -> anyhow::Result<LoadedActivity> {
    let from = now.checked_sub(jiff::Span::new().years(1))?;
    let window = Window {
        since: Some(unix(from)?),
        until: Some(unix(now)?),
    };
    let a: PeopleActivity = people_activity(store, window, ids, affs)?;
    // The window the data really covers: from its start (or the first fact
    // when the store begins later) to the last fact.
    let all = extent(store)?;
    let covered_from = match all.first {
        Some(first) if first > unix(from)? => date_of(first)?,
        _ => from,
    };
    let covered_to = match all.last {
        Some(last) if last < unix(now)? => date_of(last)?,
        Some(_) => now.yesterday()?,
        None => covered_from,
    };
    let to_login = |s: &str| Login::new(s);
    let people = a
        .people
        .iter()
        .map(|(login, c)| {
            let n = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
            (
                to_login(login),
                Activity {
                    contributions: n(c.contributions()),
                    pr_comments: n(c.comments),
                    prs_authored_merged: n(c.prs_authored_merged),
                    prs_reviewed: n(c.prs_reviewed),
                    prs_primary_reviewer: n(c.prs_primary_reviewer),
                },
            )
        })
        .collect();
    // GitHub events name everyone; git history only those whose e-mails map
    // to a login.
    let covered = if all.events > 0 {
        None
    } else {
        let mut set: BTreeSet<Login> = a.git_logins.iter().map(|l| to_login(l)).collect();
        set.extend(affs.developers().iter().map(|d| to_login(&d.login)));
        Some(set)
    };
    let summary = format!(
        "{} events and {} commits in {}..{}{}{}",
        a.events,
        a.commits,
        covered_from,
        covered_to,
        if all.reviews == 0 {
            "; no PR reviews (git only)"
        } else {
            ""
        },
        if a.unattributed_commits > 0 {
            format!(
                "; {} commits by e-mails with no known login",
                a.unattributed_commits
            )
        } else {
            String::new()
        }
    );
    Ok(LoadedActivity {
        data: ActivityData {
            window: ActivityWindow {
                from: covered_from,
                to: covered_to,
            },
            people,
            covered,
            has_reviews: all.reviews > 0,
            org_wide: all.events > 0,
            source: if all.events > 0 {
                "GH Archive events".to_string()
            } else {
                let repos: Vec<String> = all.git_repos.iter().map(|r| format!("`{r}`")).collect();
                format!("git history of {}", repos.join(", "))
            },
        },
        summary,
    })
}
