//! Unit constants: a leaf module every other one may use.

/// One petaflop/s-day in FLOP: 10^15 FLOP/s for 86,400 s.
pub const PFS_DAY: f64 = 8.64e19;
/// One petaflop (PF) of work, as the seed counts: 10^15 operations.
pub const PF: f64 = 1e15;
pub(crate) const MINUTE: f64 = 60.0;
pub(crate) const HOUR: f64 = 3600.0;
pub const DAY: f64 = 86400.0;
/// A Julian year, 365.25 days.
pub const YEAR: f64 = 365.25 * DAY;

/// FLOP in petaflop/s-days.
pub fn pfs_days(flop: f64) -> f64 {
    flop / PFS_DAY
}

/// Petaflop/s-days in FLOP.
pub fn flop_of_pfs_days(pfs_days: f64) -> f64 {
    pfs_days * PFS_DAY
}
