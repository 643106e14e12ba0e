//! Exit codes and help, common to every command.

use crate::harness::bazaar;

#[test]
fn help_succeeds_and_lists_commands() {
    let r = bazaar(&["--help"]);
    r.expect_code(0);
    assert!(r.stdout.contains("explain"), "{}", r.stdout);
}

#[test]
fn unknown_command_is_usage_error() {
    bazaar(&["no-such-command"]).expect_code(2);
}

#[test]
fn unknown_format_is_usage_error() {
    let r = bazaar(&["explain", "--format", "yaml"]);
    r.expect_code(2);
    assert!(r.stderr.contains("unknown format `yaml`"), "{}", r.stderr);
}
