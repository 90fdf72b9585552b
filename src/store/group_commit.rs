//! Group commit: a write waits until a flush that began after it has finished, and one
//! flush serves every write finished before it began. With many chats at once, taps that
//! commit while a flush is under way share the next flush instead of each waiting for
//! their own; a lone tap still gets exactly one.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

#[derive(Default)]
pub(super) struct GroupCommit {
    /// Writes finished so far; a write's number is this count just after it.
    written: AtomicU64,
    /// The number of writes known to be on disk. Held while flushing, so that writes
    /// finished meanwhile wait for the next flush, and flushes do not overlap.
    durable: Mutex<u64>,
}

impl GroupCommit {
    /// Called after a write has finished: returns once it is on disk, calling `flush`
    /// unless a flush that began after the write has already covered it.
    pub(super) fn wait<E>(&self, flush: impl FnOnce() -> Result<(), E>) -> Result<(), E> {
        let mine = self.written.fetch_add(1, Ordering::SeqCst) + 1;
        let mut durable = self.durable.lock().unwrap_or_else(PoisonError::into_inner);
        if *durable >= mine {
            return Ok(());
        }
        // Every write numbered up to here has finished, so this flush covers it.
        let covered = self.written.load(Ordering::SeqCst);
        flush()?;
        *durable = covered;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn writes_one_after_another_each_flush_once() {
        let group = GroupCommit::default();
        let flushes = AtomicUsize::new(0);
        for _ in 0..5 {
            group
                .wait(|| {
                    flushes.fetch_add(1, Ordering::SeqCst);
                    Ok::<_, ()>(())
                })
                .unwrap();
        }
        assert_eq!(flushes.load(Ordering::SeqCst), 5);
    }

    #[test]
    fn writes_finished_during_a_flush_share_the_next_one() {
        let group = Arc::new(GroupCommit::default());
        let flushes = Arc::new(AtomicUsize::new(0));
        let (in_flush, release) =
            (Arc::new(std::sync::Barrier::new(2)), Arc::new(std::sync::Barrier::new(2)));
        let first = {
            let (group, flushes, in_flush, release) =
                (group.clone(), flushes.clone(), in_flush.clone(), release.clone());
            std::thread::spawn(move || {
                group.wait(|| {
                    in_flush.wait();
                    release.wait();
                    flushes.fetch_add(1, Ordering::SeqCst);
                    Ok::<_, ()>(())
                })
            })
        };
        in_flush.wait();
        // Three writes finish while the first flush is under way: none is covered by it.
        let waiting: Vec<_> = (0..3)
            .map(|_| {
                let (group, flushes) = (group.clone(), flushes.clone());
                std::thread::spawn(move || {
                    group.wait(|| {
                        flushes.fetch_add(1, Ordering::SeqCst);
                        Ok::<_, ()>(())
                    })
                })
            })
            .collect();
        while group.written.load(Ordering::SeqCst) < 4 {
            std::thread::yield_now();
        }
        release.wait();
        first.join().unwrap().unwrap();
        for write in waiting {
            write.join().unwrap().unwrap();
        }
        assert_eq!(
            flushes.load(Ordering::SeqCst),
            2,
            "one flush for the first write, one for the three after it"
        );
    }

    #[test]
    fn a_failed_flush_reaches_its_writer_and_the_next_write_flushes_again() {
        let group = GroupCommit::default();
        assert_eq!(group.wait(|| Err("disk full")), Err("disk full"));
        let flushes = AtomicUsize::new(0);
        group
            .wait(|| {
                flushes.fetch_add(1, Ordering::SeqCst);
                Ok::<_, &str>(())
            })
            .unwrap();
        assert_eq!(flushes.load(Ordering::SeqCst), 1);
    }
}
