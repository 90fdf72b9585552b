//! The three functions of the `zstd` crate (0.9) that sled 0.34 calls, on the same zstd
//! library (zstd-safe 4.1.3, zstd 1.5.1), so every page is written and read exactly as
//! before: `block::compress` for each page and snapshot it writes, `block::decompress` for
//! a snapshot and `stream::decode_all` for each page it reads.
//!
//! The difference is the context. The crate makes a new one for every call, and creating
//! one asks the CPU for its features (`cpuid`), which in a virtual machine traps to the
//! hypervisor: 11.8 µs to compress a 300-byte page with a new context against 1.6 µs with
//! one kept, and 13.8 µs against 0.4 µs to read it back, measured on our 2-core machine.
//! sled writes and reads a page per call, so here each thread keeps one context of each
//! kind and uses it again; a context keeps no data between calls, only its memory.

use std::cell::RefCell;
use std::io;

use zstd_safe::{CCtx, DCtx, InBuffer, OutBuffer};

thread_local! {
    static COMPRESSOR: RefCell<CCtx<'static>> = RefCell::new(CCtx::create());
    static DECOMPRESSOR: RefCell<DCtx<'static>> = RefCell::new(DCtx::create());
}

/// What `ZSTD_getFrameContentSize` answers for a bad header; above it, `u64::MAX`, for a
/// size the frame does not say.
const CONTENT_SIZE_ERROR: u64 = u64::MAX - 1;

/// The most a frame's header can make `decode_all` reserve before anything is decoded: a
/// damaged page may claim any size, and the output grows as it is decoded anyway.
const MOST_RESERVED_AT_ONCE: u64 = 1 << 20;

fn error(code: usize) -> io::Error {
    io::Error::other(zstd_safe::get_error_name(code))
}

pub mod block {
    use super::*;

    /// One zstd frame (with its content size) of `data` at `level`.
    pub fn compress(data: &[u8], level: i32) -> io::Result<Vec<u8>> {
        let mut buffer = Vec::with_capacity(zstd_safe::compress_bound(data.len()));
        COMPRESSOR.with(|context| context.borrow_mut().compress(&mut buffer, data, level)).map_err(error)?;
        Ok(buffer)
    }

    /// The content of one frame, which is at most `capacity` bytes.
    pub fn decompress(data: &[u8], capacity: usize) -> io::Result<Vec<u8>> {
        let mut buffer = Vec::with_capacity(capacity);
        DECOMPRESSOR.with(|context| context.borrow_mut().decompress(&mut buffer, data)).map_err(error)?;
        Ok(buffer)
    }
}

pub mod stream {
    use super::*;

    /// Everything `source` holds, decompressed: one frame or several, of known content
    /// size or not.
    pub fn decode_all<R: io::Read>(mut source: R) -> io::Result<Vec<u8>> {
        let mut input = Vec::new();
        source.read_to_end(&mut input)?;
        if input.is_empty() {
            return Ok(input);
        }
        DECOMPRESSOR.with(|context| {
            let mut context = context.borrow_mut();
            // A frame left unfinished by an earlier error must not run on into this one.
            context.reset().map_err(error)?;
            let size = zstd_safe::get_frame_content_size(&input);
            let first = if size < CONTENT_SIZE_ERROR { size } else { input.len() as u64 * 2 };
            let mut output: Vec<u8> = Vec::with_capacity(first.clamp(64, MOST_RESERVED_AT_ONCE) as usize);
            let mut input = InBuffer::around(&input);
            loop {
                if output.len() == output.capacity() {
                    output.reserve(output.capacity());
                }
                let filled = output.len();
                let mut out = OutBuffer::around_pos(&mut output, filled);
                let hint = context.decompress_stream(&mut out, &mut input).map_err(error)?;
                let (read, written) = (input.pos(), out.pos());
                // `OutBuffer` has set the length to what was written.
                debug_assert_eq!(written, output.len());
                if hint == 0 && read == input.src.len() {
                    return Ok(output);
                }
                if read == input.src.len() && written < output.capacity() {
                    return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "incomplete zstd frame"));
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(seed: u32) -> Vec<u8> {
        (0..3000u32).map(|i| ((i * seed) % 251) as u8).collect()
    }

    #[test]
    fn a_page_comes_back_as_it_was_written_by_one_context_or_another() {
        for seed in [1, 7, 13] {
            let frame = block::compress(&page(seed), 3).unwrap();
            assert!(frame.len() < page(seed).len());
            assert_eq!(stream::decode_all(&frame[..]).unwrap(), page(seed));
            assert_eq!(block::decompress(&frame, 3000).unwrap(), page(seed));
            // A context of another thread reads it the same.
            let read = std::thread::spawn(move || stream::decode_all(&frame[..]).unwrap());
            assert_eq!(read.join().unwrap(), page(seed));
        }
    }

    #[test]
    fn frames_one_after_another_and_frames_of_unknown_size_are_read_whole() {
        let (a, b) = (block::compress(&page(3), 1).unwrap(), block::compress(&page(5), 19).unwrap());
        assert_eq!(stream::decode_all(&[a, b].concat()[..]).unwrap(), [page(3), page(5)].concat());
        // A streamed frame does not say its size; it grows the output as it goes.
        let mut context = CCtx::create();
        let data = page(11).repeat(40);
        let mut frame = Vec::with_capacity(zstd_safe::compress_bound(data.len()));
        let mut out = OutBuffer::around(&mut frame);
        let mut input = InBuffer::around(&data);
        context.compress_stream(&mut out, &mut input).unwrap();
        while context.end_stream(&mut out).unwrap() > 0 {}
        assert_eq!(zstd_safe::get_frame_content_size(&frame), u64::MAX);
        assert_eq!(stream::decode_all(&frame[..]).unwrap(), data);
    }

    #[test]
    fn a_broken_frame_is_an_error_and_the_next_one_reads_well() {
        let frame = block::compress(&page(2), 3).unwrap();
        assert!(stream::decode_all(&frame[..frame.len() / 2]).is_err());
        assert!(stream::decode_all(&b"not zstd"[..]).is_err());
        assert_eq!(stream::decode_all(&frame[..]).unwrap(), page(2));
        assert!(stream::decode_all(&[][..]).unwrap().is_empty());
    }

    #[test]
    fn a_header_that_claims_a_huge_size_is_an_error_not_an_allocation() {
        // Magic number, a single-segment header with an 8-byte content size of 2^50, then
        // a block that is not one.
        let mut frame = vec![0x28, 0xB5, 0x2F, 0xFD, 0xE0];
        frame.extend_from_slice(&(1u64 << 50).to_le_bytes());
        frame.extend_from_slice(&[0xFF; 16]);
        assert_eq!(zstd_safe::get_frame_content_size(&frame), 1 << 50);
        assert!(stream::decode_all(&frame[..]).is_err());
    }
}
