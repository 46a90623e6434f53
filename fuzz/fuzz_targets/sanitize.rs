#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    switchboard_fuzz::props::check_sanitize(&String::from_utf8_lossy(data));
});
