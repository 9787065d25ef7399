//! Number conversions the core needs between integers and floats, each stating what it does at the edges.
//!
//! Rust's float-to-int `as` truncates toward zero, saturates at the target's bounds and maps NaN to
//! 0; int-to-float `as` rounds to the nearest representable value. The helpers below keep exactly
//! those semantics (so results are unchanged) and are the only places the core writes such a cast.

/// A count (parameters, tokens, layers, days) as `f64`: exact below 2^53 (9.007e15), the nearest
/// `f64` above, which is already far finer than any estimate the core makes.
#[allow(clippy::cast_precision_loss, reason = "exact below 2^53; above, the nearest f64 is the intent")]
pub fn count_f64(n: u64) -> f64 {
    n as f64
}

/// A length or index as `f64`: exact below 2^53, as [`count_f64`].
#[allow(clippy::cast_precision_loss, reason = "exact below 2^53; lengths in the core are far smaller")]
pub fn len_f64(n: usize) -> f64 {
    n as f64
}

/// A signed count (days since an epoch) as `f64`: exact for magnitudes below 2^53.
#[allow(clippy::cast_precision_loss, reason = "exact below 2^53 in magnitude")]
pub fn signed_f64(n: i64) -> f64 {
    n as f64
}

/// A float as `i32` (a pixel coordinate, an exponent): truncates toward zero, saturates at
/// `i32::MIN`/`i32::MAX`, NaN gives 0. Round first if rounding is meant.
#[allow(clippy::cast_possible_truncation, reason = "saturating truncation is the documented intent")]
pub fn to_i32(x: f64) -> i32 {
    x as i32
}

/// A float as `i8` (a small exponent): truncates toward zero, saturates at -128/127, NaN gives 0.
#[allow(clippy::cast_possible_truncation, reason = "saturating truncation is the documented intent")]
pub fn to_i8(x: f64) -> i8 {
    x as i8
}

/// A float as `u32` (a pixel size, a count to show): truncates toward zero, negatives and NaN give
/// 0, saturates at `u32::MAX`.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "saturating truncation, negatives to 0, is the documented intent"
)]
pub fn to_u32(x: f64) -> u32 {
    x as u32
}

/// A float as `u64` (a whole count): truncates toward zero, negatives and NaN give 0, saturates at
/// `u64::MAX`.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "saturating truncation, negatives to 0, is the documented intent"
)]
pub fn to_u64(x: f64) -> u64 {
    x as u64
}

/// A float as `usize` (a count of steps or characters): truncates toward zero, negatives and NaN
/// give 0, saturates at `usize::MAX`.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "saturating truncation, negatives to 0, is the documented intent"
)]
pub fn to_usize(x: f64) -> usize {
    x as usize
}

/// An unsigned value as `i32`, saturating at `i32::MAX` (pixel sizes and precisions are far smaller).
pub fn sat_i32<T: TryInto<i32>>(n: T) -> i32 {
    n.try_into().unwrap_or(i32::MAX)
}

/// A length as `u32`, saturating at `u32::MAX`.
pub fn sat_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A year's last two digits and similar small values as `u8`, saturating at 255.
pub fn sat_u8(n: u16) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

/// A non-negative `i32` (a position already clamped to the plot) as `usize`; a negative gives 0.
pub fn nonneg_usize(n: i32) -> usize {
    usize::try_from(n).unwrap_or(0)
}
