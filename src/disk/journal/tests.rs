//! The transaction through every place it can stop.

use super::*;

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect();
    v.sort();
    v
}

/// A dossier-like folder: a list, minutes, one report.
fn sample() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("to-trinh.yaml"), "danh_sach: [a]\n").unwrap();
    fs::write(d.path().join("bien-ban.yaml"), "ket_qua: [a]\n").unwrap();
    fs::create_dir(d.path().join("bao-cao")).unwrap();
    fs::write(d.path().join("bao-cao/a.yaml"), "ma: a\n").unwrap();
    d
}

/// The same edit every test makes: b in, a out.
fn stage(root: &Path) -> Txn {
    let mut t = Txn::new(root, "import");
    t.create(&root.join("bao-cao/b.yaml"), b"ma: b\n").unwrap();
    t.replace(
        &root.join("to-trinh.yaml"),
        b"danh_sach: [a]\n",
        b"danh_sach: [b]\n",
    )
    .unwrap();
    t.replace(
        &root.join("bien-ban.yaml"),
        b"ket_qua: [a]\n",
        b"ket_qua: [b]\n",
    )
    .unwrap();
    t.delete(&root.join("bao-cao/a.yaml"), b"ma: a\n").unwrap();
    t
}

fn after() -> Vec<(String, Vec<u8>)> {
    let d = sample();
    stage(d.path()).commit().unwrap();
    tree(d.path())
}

#[test]
fn a_commit_writes_everything_and_leaves_nothing_of_its_own() {
    let d = sample();
    let done = stage(d.path()).commit().unwrap();
    assert_eq!(done.written.len(), 3);
    assert_eq!(done.removed, vec![d.path().join("bao-cao/a.yaml")]);
    assert_eq!(
        tree(d.path()),
        vec![
            ("bao-cao/b.yaml".to_owned(), b"ma: b\n".to_vec()),
            ("bien-ban.yaml".to_owned(), b"ket_qua: [b]\n".to_vec()),
            ("to-trinh.yaml".to_owned(), b"danh_sach: [b]\n".to_vec()),
        ]
    );
}

#[test]
fn a_kill_at_any_step_leaves_the_old_dossier_or_one_the_next_command_finishes() {
    let want = after();
    let ops_count = 4;
    // Stopped before the commit point: staged files only; the next writer removes them.
    let d = sample();
    let before = tree(d.path());
    let mut t = stage(d.path());
    t.staged.clear(); // a kill runs no destructor
    drop(t);
    assert_ne!(tree(d.path()), before);
    assert!(recover(d.path()).unwrap().is_none());
    assert_eq!(clean(d.path()).len(), 3);
    assert_eq!(tree(d.path()), before);
    // Stopped after the journal, after k of the operations (and again in the middle of the
    // roll-forward itself: recovering twice is the same).
    for k in 0..=ops_count {
        let d = sample();
        let mut t = stage(d.path());
        for f in t.unsynced.drain(..) {
            f.sync_all().unwrap();
        }
        write_journal(d.path(), &t.id, "import", &t.ops).unwrap();
        apply(d.path(), &t.ops[..k], "import", &[]).unwrap();
        t.staged.clear();
        drop(t);
        assert!(pending(d.path()));
        if k > 0 {
            // A kill during the roll-forward: part of it again, then the whole.
            let (_, ops) = read_journal(&d.path().join(JOURNAL)).unwrap();
            apply(d.path(), &ops[..k - 1], "import", &[]).unwrap();
        }
        let r = recover(d.path()).unwrap().unwrap();
        assert_eq!(r.command, "import");
        assert_eq!(tree(d.path()), want, "stopped after {k} operations");
        assert!(clean(d.path()).is_empty());
    }
}

#[test]
fn a_refusal_while_staging_writes_nothing() {
    let d = sample();
    let before = tree(d.path());
    let mut t = Txn::new(d.path(), "add");
    t.create(&d.path().join("bao-cao/b.yaml"), b"ma: b\n")
        .unwrap();
    let e = t
        .replace(&d.path().join("to-trinh.yaml"), b"something else\n", b"x\n")
        .unwrap_err();
    assert!(matches!(e, DiskError::Changed(_)), "{e:?}");
    drop(t);
    assert_eq!(tree(d.path()), before);
    // A file that appeared between staging and the commit.
    let mut t = Txn::new(d.path(), "add");
    t.create(&d.path().join("bao-cao/b.yaml"), b"ma: b\n")
        .unwrap();
    fs::write(d.path().join("bao-cao/b.yaml"), "theirs\n").unwrap();
    assert!(matches!(t.commit(), Err(DiskError::Exists(_))));
    fs::remove_file(d.path().join("bao-cao/b.yaml")).unwrap();
    assert_eq!(tree(d.path()), before);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_before_anything_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let d = sample();
    let bb = d.path().join("bien-ban.yaml");
    fs::set_permissions(&bb, fs::Permissions::from_mode(0o444)).unwrap();
    let before = tree(d.path());
    let mut t = Txn::new(d.path(), "add");
    t.create(&d.path().join("bao-cao/b.yaml"), b"ma: b\n")
        .unwrap();
    t.replace(
        &d.path().join("to-trinh.yaml"),
        b"danh_sach: [a]\n",
        b"danh_sach: [b]\n",
    )
    .unwrap();
    let e = t
        .replace(&bb, b"ket_qua: [a]\n", b"ket_qua: [b]\n")
        .unwrap_err();
    assert!(matches!(&e, DiskError::ReadOnly(p) if *p == bb), "{e:?}");
    assert!(e.msg().vi.contains("chỉ cho đọc"), "{}", e.msg().vi);
    drop(t);
    assert_eq!(tree(d.path()), before);
}

#[cfg(unix)]
#[test]
fn nothing_is_written_through_a_link() {
    let d = sample();
    let outside = tempfile::tempdir().unwrap();
    fs::remove_dir_all(d.path().join("bao-cao")).unwrap();
    std::os::unix::fs::symlink(outside.path(), d.path().join("bao-cao")).unwrap();
    let mut t = Txn::new(d.path(), "add");
    let e = t
        .create(&d.path().join("bao-cao/b.yaml"), b"ma: b\n")
        .unwrap_err();
    assert!(
        matches!(&e, DiskError::Link(p) if p.path.ends_with("bao-cao")),
        "{e:?}"
    );
    let f = outside.path().join("x.yaml");
    fs::write(&f, "x\n").unwrap();
    std::os::unix::fs::symlink(&f, d.path().join("to-trinh.yaml.link")).unwrap();
    fs::remove_file(d.path().join("to-trinh.yaml")).unwrap();
    fs::rename(
        d.path().join("to-trinh.yaml.link"),
        d.path().join("to-trinh.yaml"),
    )
    .unwrap();
    let e = t
        .replace(&d.path().join("to-trinh.yaml"), b"x\n", b"y\n")
        .unwrap_err();
    assert!(matches!(e, DiskError::Link(_)), "{e:?}");
    drop(t);
    assert_eq!(fs::read(&f).unwrap(), b"x\n");
    assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 1);
}

#[test]
fn a_file_changed_by_someone_else_stops_the_roll_forward_with_its_name() {
    let d = sample();
    let mut t = stage(d.path());
    for f in t.unsynced.drain(..) {
        f.sync_all().unwrap();
    }
    write_journal(d.path(), &t.id, "import", &t.ops).unwrap();
    t.staged.clear();
    drop(t);
    fs::write(d.path().join("to-trinh.yaml"), "edited by hand\n").unwrap();
    let e = recover(d.path()).unwrap_err();
    assert!(
        matches!(&e, DiskError::Unfinished { file, command, .. } if file.ends_with("to-trinh.yaml") && command == "import"),
        "{e:?}"
    );
    assert_eq!(
        fs::read(d.path().join("to-trinh.yaml")).unwrap(),
        b"edited by hand\n"
    );
    assert!(pending(d.path()));
    // Nothing is cleaned while a journal waits: it names the staged files.
    assert!(clean(d.path()).is_empty());
}

#[test]
fn a_journal_naming_anything_outside_the_dossier_is_refused_whole() {
    for bad in [
        "delete\t../x.yaml\t".to_owned() + &"0".repeat(64),
        "delete\t/etc/x.yaml\t".to_owned() + &"0".repeat(64),
        "delete\tbao-cao/a.pdf\t".to_owned() + &"0".repeat(64),
        "delete\ta/b/c.yaml\t".to_owned() + &"0".repeat(64),
        format!("create\tbao-cao/b.yaml\tx.tmp\t{}", "0".repeat(64)),
        format!(
            "create\tbao-cao/b.yaml\t.dossier-1-0.tmp\t{}",
            "0".repeat(64)
        ),
        format!(
            "replace\tto-trinh.yaml\t.dossier-1-0.tmp\t{}",
            "0".repeat(64)
        ),
    ] {
        let d = sample();
        let before = tree(d.path());
        fs::write(
            d.path().join(JOURNAL),
            format!("{MAGIC}\ncommand\timport\n{bad}\nend\n"),
        )
        .unwrap();
        let e = recover(d.path()).unwrap_err();
        assert!(matches!(e, DiskError::BadJournal { .. }), "{bad}: {e:?}");
        fs::remove_file(d.path().join(JOURNAL)).unwrap();
        assert_eq!(tree(d.path()), before, "{bad}");
    }
    // No end line: not one this program finished writing.
    let d = sample();
    fs::write(d.path().join(JOURNAL), format!("{MAGIC}\ncommand\tadd\n")).unwrap();
    assert!(matches!(
        recover(d.path()),
        Err(DiskError::BadJournal { .. })
    ));
}

#[cfg(unix)]
#[test]
fn every_journal_a_commit_writes_can_be_read_back_after_a_kill() {
    // `fix` renames an attachment a Mac saved in NFD, named with a `:` (the clerk's "/"), deep
    // in dinh-kem/; a report named with a `\`. A kill after the commit point left a journal
    // the next command refused as unreadable, while saying the files were not changed.
    let d = sample();
    let deep: PathBuf = (0..10).fold(d.path().join("dinh-kem"), |p, i| p.join(format!("d{i}")));
    fs::create_dir_all(&deep).unwrap();
    let from = deep.join("Quye\u{302}\u{301}t đi\u{323}nh: 12\\2020.pdf");
    fs::write(&from, b"%PDF").unwrap();
    fs::write(d.path().join("bao-cao/a\\b:c.yaml"), "ma: x\n").unwrap();
    let mut t = stage(d.path());
    t.rename(&from, &deep.join("Quyết định: 12\\2020.pdf"))
        .unwrap();
    t.delete(&d.path().join("bao-cao/a\\b:c.yaml"), b"ma: x\n")
        .unwrap();
    for f in t.unsynced.drain(..) {
        f.sync_all().unwrap();
    }
    write_journal(d.path(), &t.id, "fix", &t.ops).unwrap();
    t.staged.clear();
    drop(t);
    let r = recover(d.path()).unwrap().unwrap();
    assert_eq!((r.done.written.len(), r.done.removed.len()), (4, 2));
    assert!(deep.join("Quyết định: 12\\2020.pdf").is_file());
    assert!(!d.path().join("bao-cao/a\\b:c.yaml").exists());
    assert!(!pending(d.path()));
    // A name the journal cannot hold is refused while staging: nothing is written.
    let d = sample();
    let before = tree(d.path());
    let mut t = Txn::new(d.path(), "add");
    let e = t.create(&d.path().join("bao-cao/.hidden.yaml"), b"x: 1\n");
    assert!(matches!(e, Err(DiskError::Io { .. })), "{e:?}");
    drop(t);
    assert_eq!(tree(d.path()), before);
}

#[test]
fn a_roll_forward_that_cannot_write_says_the_journal_waits() {
    // The roll-forward renames the new report, then cannot do the rest (a name longer than the
    // file system takes): the words were "nothing was written to the dossier", about a dossier
    // half rolled forward.
    let d = sample();
    let mut t = stage(d.path());
    fs::write(d.path().join("dinh-kem.pdf"), b"%PDF").unwrap();
    let long = format!("{}.pdf", "a".repeat(300));
    t.rename(&d.path().join("dinh-kem.pdf"), &d.path().join(&long))
        .unwrap();
    for f in t.unsynced.drain(..) {
        f.sync_all().unwrap();
    }
    write_journal(d.path(), &t.id, "fix", &t.ops).unwrap();
    t.staged.clear();
    drop(t);
    let e = recover(d.path()).unwrap_err();
    assert!(matches!(e, DiskError::Halfway { .. }), "{e:?}");
    assert!(
        e.msg().en.contains("Every change was saved") || e.msg().en.contains("holds every change"),
        "{}",
        e.msg().en
    );
    assert!(pending(d.path()));
    assert!(
        d.path().join("bao-cao/b.yaml").is_file(),
        "the steps before are done"
    );
}

#[test]
fn a_target_made_a_folder_stops_the_roll_forward_naming_it() {
    let d = sample();
    let mut t = stage(d.path());
    for f in t.unsynced.drain(..) {
        f.sync_all().unwrap();
    }
    write_journal(d.path(), &t.id, "import", &t.ops).unwrap();
    t.staged.clear();
    drop(t);
    fs::create_dir(d.path().join("bao-cao/b.yaml")).unwrap();
    let e = recover(d.path()).unwrap_err();
    assert!(
        matches!(&e, DiskError::Unfinished { file, .. } if file.ends_with("bao-cao/b.yaml")),
        "{e:?}"
    );
    assert!(pending(d.path()));
}

/// A journal is followed only as the command it names would have written it: `check` writes
/// none, and only `fix` renames, within one folder. A planted journal made `check` move
/// `to-trinh.yaml` into `dinh-kem/` and `bien-ban.yaml` to `README.txt`.
#[test]
fn a_planted_journal_moves_nothing() {
    let zeros = "0".repeat(64);
    for (command, line) in [
        ("check", "rename\tto-trinh.yaml\tdinh-kem/x.yaml".to_owned()),
        ("fix", "rename\tto-trinh.yaml\tdinh-kem/x.yaml".to_owned()),
        ("import", "rename\tbien-ban.yaml\tREADME.txt".to_owned()),
        ("check", format!("delete\tbao-cao/a.yaml\t{zeros}")),
    ] {
        let d = sample();
        let before = tree(d.path());
        fs::write(
            d.path().join(JOURNAL),
            format!("{MAGIC}\ncommand\t{command}\n{line}\nend\n"),
        )
        .unwrap();
        let e = recover(d.path()).unwrap_err();
        assert!(
            matches!(e, DiskError::BadJournal { .. }),
            "{command} {line}: {e:?}"
        );
        assert!(e.msg().vi.contains("không đọc được"), "{}", e.msg().vi);
        assert!(
            !e.msg().vi.contains("line "),
            "English in Vietnamese: {}",
            e.msg().vi
        );
        fs::remove_file(d.path().join(JOURNAL)).unwrap();
        assert_eq!(tree(d.path()), before, "{command} {line}");
    }
    // A rename within one folder is what fix writes: followed.
    let d = sample();
    fs::write(d.path().join("bao-cao/a\u{200b}.yaml"), "x\n").unwrap();
    fs::write(
        d.path().join(JOURNAL),
        format!("{MAGIC}\ncommand\tfix\nrename\tbao-cao/a\u{200b}.yaml\tbao-cao/b.yaml\nend\n"),
    )
    .unwrap();
    recover(d.path()).unwrap();
    assert!(d.path().join("bao-cao/b.yaml").exists());
    // And a rename into another folder is refused before anything is written.
    let d = sample();
    let mut t = Txn::new(d.path(), "fix");
    assert!(t
        .rename(
            &d.path().join("to-trinh.yaml"),
            &d.path().join("bao-cao/x.yaml")
        )
        .is_err());
}

#[test]
fn a_hash_is_written_as_sha256sum_writes_it_and_read_back() {
    // The journal's hashes are compared with the files' after a kill: a digit wrong here
    // would stop every roll-forward.
    let h = sha(b"abc");
    assert_eq!(
        hex(&h),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(unhex(&hex(&h)), Some(h));
    let all: Hash = std::array::from_fn(|i| u8::try_from(i * 8 + 7).unwrap());
    assert_eq!(unhex(&hex(&all)), Some(all));
}

#[cfg(unix)]
#[test]
fn a_roll_forward_meeting_a_link_writes_nothing_through_it() {
    // After the journal, someone puts links where the dossier's files and folder were: the
    // roll-forward must stop at each, naming it, and leave what they lead to alone.
    for what in ["bao-cao", "bao-cao/b.yaml", "to-trinh.yaml"] {
        let d = sample();
        let outside = tempfile::tempdir().unwrap();
        let mut t = stage(d.path());
        write_journal(d.path(), &t.id, "import", &t.ops).unwrap();
        t.staged.clear();
        drop(t);
        let place = d.path().join(what);
        if what == "bao-cao" {
            // The real folder (with the staged report) moved away, a link in its place.
            fs::rename(&place, outside.path().join("real")).unwrap();
            std::os::unix::fs::symlink(outside.path().join("real"), &place).unwrap();
        } else {
            let _ = fs::remove_file(&place);
            fs::write(outside.path().join("x.yaml"), "x\n").unwrap();
            std::os::unix::fs::symlink(outside.path().join("x.yaml"), &place).unwrap();
        }
        let seen = tree(outside.path());
        // Past the commit point a link is a file the journal cannot finish with (the words of
        // a refusal, "nothing was written", were wrong there).
        let e = recover(d.path()).unwrap_err();
        assert!(
            matches!(&e, DiskError::Unfinished { file, .. } if *file == place),
            "{what}: {e:?}"
        );
        assert_eq!(tree(outside.path()), seen, "{what}");
        assert!(pending(d.path()), "{what}: the journal waits");
    }
}

/// Many new files at once (an import's reports): staged on every core, never more than a
/// batch held open, all in place after the commit in the order given, none of ours left.
#[test]
fn many_new_files_are_staged_together_and_few_are_held_open() {
    let d = sample();
    let texts: Vec<(PathBuf, Vec<u8>)> = (0..3 * SYNC_BATCH + 5)
        .map(|i| {
            (
                d.path().join(format!("bao-cao/r{i}.yaml")),
                format!("ma: r{i}\n").into_bytes(),
            )
        })
        .collect();
    let files: Vec<(&Path, &[u8])> = texts
        .iter()
        .map(|(p, b)| (p.as_path(), b.as_slice()))
        .collect();
    let mut t = Txn::new(d.path(), "import");
    t.create_all(&files).unwrap();
    assert!(t.unsynced.len() < SYNC_BATCH, "{}", t.unsynced.len());
    let done = t.commit().unwrap();
    let written: Vec<&PathBuf> = texts.iter().map(|(p, _)| p).collect();
    assert_eq!(done.written.iter().collect::<Vec<_>>(), written);
    for (p, b) in &texts {
        assert_eq!(&fs::read(p).unwrap(), b);
    }
    assert_eq!(tree(d.path()).len(), 3 + texts.len());
}

/// One of many new files is there already: refused with that file's name, the first in the
/// order given, and nothing written or left.
#[test]
fn a_taken_name_among_many_new_files_is_refused_by_name_with_nothing_left() {
    let d = sample();
    fs::write(d.path().join("bao-cao/r70.yaml"), "theirs\n").unwrap();
    fs::write(d.path().join("bao-cao/r90.yaml"), "theirs\n").unwrap();
    let before = tree(d.path());
    let texts: Vec<PathBuf> = (0..100)
        .map(|i| d.path().join(format!("bao-cao/r{i}.yaml")))
        .collect();
    let files: Vec<(&Path, &[u8])> = texts.iter().map(|p| (p.as_path(), &b"x\n"[..])).collect();
    let mut t = Txn::new(d.path(), "import");
    t.create_all(&files).unwrap();
    match t.commit() {
        Err(DiskError::Exists(p)) => assert_eq!(p, d.path().join("bao-cao/r70.yaml")),
        other => panic!("{other:?}"),
    }
    assert_eq!(tree(d.path()), before);
}

/// The folder of the new files swapped for a link to elsewhere between staging and the commit:
/// nothing is written through the link (Linux renames inside the folder that was checked;
/// elsewhere the link is refused before anything is renamed).
#[cfg(unix)]
#[test]
fn a_folder_swapped_for_a_link_after_staging_sends_nothing_elsewhere() {
    let d = sample();
    let outside = tempfile::tempdir().unwrap();
    let target = d.path().join("bao-cao/b.yaml");
    let mut t = Txn::new(d.path(), "import");
    t.create_all(&[(&target, &b"ma: b\n"[..])]).unwrap();
    fs::rename(d.path().join("bao-cao"), d.path().join("bao-cao-cu")).unwrap();
    std::os::unix::fs::symlink(outside.path(), d.path().join("bao-cao")).unwrap();
    let _ = t.commit();
    assert_eq!(tree(outside.path()), vec![]);
}

/// The folder of the new files moved away after staging and another made in its place: refused
/// before the commit point, naming the folder; nothing lands in either folder and the dossier's
/// other files are as they were.
#[test]
fn a_folder_replaced_after_staging_is_refused_before_the_commit_point() {
    let d = sample();
    let target = d.path().join("bao-cao/b.yaml");
    let mut t = Txn::new(d.path(), "import");
    t.create_all(&[(&target, &b"ma: b\n"[..])]).unwrap();
    t.replace(
        &d.path().join("to-trinh.yaml"),
        b"danh_sach: [a]\n",
        b"danh_sach: [a, b]\n",
    )
    .unwrap();
    fs::rename(d.path().join("bao-cao"), d.path().join("bao-cao-cu")).unwrap();
    fs::create_dir(d.path().join("bao-cao")).unwrap();
    let e = t.commit().unwrap_err();
    if cfg!(target_os = "linux") {
        assert!(
            matches!(&e, DiskError::Changed(p) if *p == d.path().join("bao-cao")),
            "{e:?}"
        );
    }
    assert!(!pending(d.path()));
    assert!(!target.exists());
    assert!(!d.path().join("bao-cao-cu/b.yaml").exists());
    assert_eq!(
        fs::read(d.path().join("to-trinh.yaml")).unwrap(),
        b"danh_sach: [a]\n"
    );
}

/// A staged file removed by another program before the commit point: refused, naming the file
/// it stood for, with no journal left to name a file that is gone.
#[test]
fn a_staged_file_removed_before_the_commit_point_is_refused_by_its_target() {
    let d = sample();
    let before = tree(d.path());
    let targets: Vec<PathBuf> = (0..10)
        .map(|i| d.path().join(format!("bao-cao/r{i}.yaml")))
        .collect();
    let files: Vec<(&Path, &[u8])> = targets.iter().map(|p| (p.as_path(), &b"x\n"[..])).collect();
    let mut t = Txn::new(d.path(), "import");
    t.create_all(&files).unwrap();
    let gone = t.staged[3].clone();
    fs::remove_file(&gone).unwrap();
    match t.commit() {
        Err(DiskError::Io { path, source }) => {
            assert_eq!(path, targets[3]);
            assert_eq!(source.kind(), ErrorKind::NotFound);
        }
        other => panic!("{other:?}"),
    }
    assert!(!pending(d.path()));
    assert_eq!(tree(d.path()), before);
}
