//! `bazaar owners audit --repo DIR [--org ORG_CONFIG]`: what Prow would
//! silently ignore in an OWNERS tree (exit 1 on error-level findings).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::Context;
use bazaar_core::OutputFormat;
use bazaar_review::owners::{OwnersConfig, norm_login};
use serde::Deserialize;

use super::owners::AuditArgs;
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

pub fn run(args: AuditArgs, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    super::require_format(
        g,
        &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv],
    )?;
    let config = OwnersConfig {
        md_yaml: args.md_yaml,
        ..OwnersConfig::default()
    };
    let members = match &args.org {
        Some(p) => Some(org_members(p)?),
        None => None,
    };
    let (tree, _) = super::owners::load(&args.repo, &config)?;
    let findings = bazaar_review::audit::audit(&tree, members.as_ref());
    let mut out = std::io::stdout().lock();
    let errors = render::diagnostics(&mut out, g.format, &findings)?;
    if g.format.is_human_readable() && !g.quiet {
        let counts = bazaar_review::audit::counts(&findings);
        let summary: Vec<String> = counts.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        eprintln!(
            "audited {} OWNERS file(s){}",
            tree.files().len(),
            if summary.is_empty() {
                String::new()
            } else {
                format!("; {}", summary.join(", "))
            }
        );
    }
    Ok(ExitStatus::findings_if(errors))
}

// The lead will switch this to bazaar-ladder's peribolos loader at merge;
// until then, read only what the audit needs from `config/<org>/org.yaml`.
#[derive(Deserialize, Default)]
struct OrgYaml {
    #[serde(default, deserialize_with = "bazaar_core::yaml::vec_or_null")]
    admins: Vec<String>,
    #[serde(default, deserialize_with = "bazaar_core::yaml::vec_or_null")]
    members: Vec<String>,
    #[serde(default)]
    teams: Option<BTreeMap<String, TeamYaml>>,
}

#[derive(Deserialize, Default)]
struct TeamYaml {
    #[serde(default, deserialize_with = "bazaar_core::yaml::vec_or_null")]
    members: Vec<String>,
    #[serde(default, deserialize_with = "bazaar_core::yaml::vec_or_null")]
    maintainers: Vec<String>,
    #[serde(default)]
    teams: Option<BTreeMap<String, TeamYaml>>,
}

fn collect_team(t: &TeamYaml, out: &mut BTreeSet<String>) {
    out.extend(
        t.members
            .iter()
            .chain(&t.maintainers)
            .map(|l| norm_login(l)),
    );
    for child in t.teams.iter().flat_map(|m| m.values()) {
        collect_team(child, out);
    }
}

/// Admins, members, and team members/maintainers of a peribolos org.yaml.
fn org_members(path: &Path) -> anyhow::Result<BTreeSet<String>> {
    let text = bazaar_core::fs::read_to_string(path)?;
    let org: OrgYaml = bazaar_core::yaml::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{}:{}:{}: {}", path.display(), e.line, e.col, e.message))
        .context("reading the org config")?;
    let mut out: BTreeSet<String> = org
        .admins
        .iter()
        .chain(&org.members)
        .map(|l| norm_login(l))
        .collect();
    for t in org.teams.iter().flat_map(|m| m.values()) {
        collect_team(t, &mut out);
    }
    Ok(out)
}
