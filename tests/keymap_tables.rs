//! The keymap's tables, generated from one declaration per command, hold together: names, descriptions,
//! hints, the config's parsing and the help all come from the same commands.

use std::collections::HashSet;

use switchboard::core::keymap::{Chord, Command, Context, KeyName, Keymap};

#[test]
fn every_command_has_a_unique_config_name_that_parses_back() {
    let mut seen = HashSet::new();
    for &cmd in Command::ALL {
        let name = cmd.name();
        assert!(!name.is_empty(), "{cmd:?} has no name");
        assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{cmd:?}: {name:?} is not snake_case");
        assert!(seen.insert(name), "{name:?} names two commands");
        assert_eq!(Command::from_name(name), Some(cmd));
        assert_eq!(Command::from_name(&format!(" {name} ")), Some(cmd), "spaces around a name are ignored");
    }
    assert_eq!(seen.len(), Command::ALL.len());
    assert_eq!(Command::from_name("no_such_action"), None);
    assert_eq!(Command::from_name(""), None);
}

#[test]
fn every_command_has_a_description_and_a_hint() {
    for &cmd in Command::ALL {
        assert!(!cmd.describe().trim().is_empty(), "{cmd:?} has no description");
        assert!(!cmd.hint().trim().is_empty(), "{cmd:?} has no hint");
        assert_eq!(cmd.describe(), cmd.describe().trim(), "{cmd:?}: description with spaces around");
    }
}

#[test]
fn every_command_is_in_the_help_of_some_context() {
    let km = Keymap::default();
    for &cmd in Command::ALL {
        let found: Vec<Context> =
            Context::ALL.iter().copied().filter(|ctx| km.help(*ctx).iter().any(|(c, _)| *c == cmd)).collect();
        assert!(!found.is_empty(), "{cmd:?} is in no context's help");
        for ctx in found {
            assert!(km.key_for(ctx, cmd).is_some(), "{cmd:?} in the help of {ctx:?} but without a key");
        }
    }
}

#[test]
fn contexts_have_unique_names_that_parse_back() {
    let mut seen = HashSet::new();
    for &ctx in Context::ALL {
        assert!(seen.insert(ctx.name()), "{:?} names two contexts", ctx.name());
        assert_eq!(Context::from_name(ctx.name()), Some(ctx));
        assert!(!ctx.title().is_empty(), "{ctx:?} has no title");
    }
    assert_eq!(Context::from_name("nowhere"), None);
}

/// The help of a context lists, in its help order, exactly the commands declared with keys there, each
/// with its declared keys in their order; so neither list can forget what the other has.
#[test]
fn the_help_order_and_the_declared_keys_agree() {
    let km = Keymap::default();
    for &ctx in Context::ALL {
        let declared: Vec<(Command, Vec<Chord>)> = Command::ALL
            .iter()
            .filter_map(|&cmd| {
                let keys: Vec<Chord> = cmd
                    .default_keys()
                    .iter()
                    .filter(|(c, _)| *c == ctx)
                    .flat_map(|(_, keys)| keys.iter().copied())
                    .collect();
                (!keys.is_empty()).then_some((cmd, keys))
            })
            .collect();
        let order = ctx.help_order();
        let unique: HashSet<&Command> = order.iter().collect();
        assert_eq!(unique.len(), order.len(), "{ctx:?}: a command twice in the help order");
        let mut want_cmds: Vec<Command> = declared.iter().map(|(c, _)| *c).collect();
        let mut have_cmds = order.to_vec();
        want_cmds.sort_by_key(|c| c.name());
        have_cmds.sort_by_key(|c| c.name());
        assert_eq!(have_cmds, want_cmds, "{ctx:?}: the help order and the commands with keys there differ");

        let help = km.help(ctx);
        assert_eq!(help.iter().map(|(c, _)| *c).collect::<Vec<_>>(), order, "{ctx:?}: help not in help order");
        for (cmd, keys) in &help {
            let want = &declared.iter().find(|(c, _)| c == cmd).map(|(_, k)| k.clone()).unwrap_or_default();
            assert_eq!(keys, want, "{ctx:?} {cmd:?}: help keys differ from the declaration");
            assert_eq!(km.key_for(ctx, *cmd), want.first().copied(), "{ctx:?} {cmd:?}: the footer's key is the first");
        }
    }
}

#[test]
fn no_key_is_bound_twice_in_a_context_by_default() {
    let km = Keymap::default();
    for &ctx in Context::ALL {
        let mut seen: HashSet<Chord> = HashSet::new();
        for (cmd, keys) in km.help(ctx) {
            for k in keys {
                assert!(seen.insert(k), "{ctx:?}: {k} bound twice (again to {cmd:?})");
                assert_eq!(km.lookup(ctx, k), Some(cmd), "{ctx:?}: {k} does not reach {cmd:?}");
            }
        }
    }
}

#[test]
fn every_command_can_be_rebound_by_its_name_in_every_context() {
    for &ctx in Context::ALL {
        for &cmd in Command::ALL {
            let over = [(ctx.name().to_string(), cmd.name().to_string(), vec!["f12".to_string()])];
            let km = Keymap::with_overrides(&over).unwrap_or_else(|e| panic!("{ctx:?} {cmd:?}: {e}"));
            assert_eq!(km.lookup(ctx, Chord::plain(KeyName::F(12))), Some(cmd), "{ctx:?} {cmd:?}");
            assert_eq!(km.key_for(ctx, cmd), Some(Chord::plain(KeyName::F(12))), "{ctx:?} {cmd:?}");
        }
    }
}

#[test]
fn an_unknown_action_lists_every_command_name() {
    let over = [("calls".to_string(), "fly".to_string(), vec!["x".to_string()])];
    let e = Keymap::with_overrides(&over).unwrap_err();
    let names: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
    assert!(e.ends_with(&format!("known: {}", names.join(", "))), "{e}");
}
