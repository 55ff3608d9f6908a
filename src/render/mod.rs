//! Renderers: the JSON writer of the output path written from spans, span
//! offsets in other units, the quote table (CSV, TSV), the clean article
//! (Markdown), the report page (HTML) and the explanation of each decision.
//! Each returns a string or writes to an [`std::io::Write`]; none prints.

pub mod explain;
pub mod html;
pub mod json;
pub mod markdown;
pub mod offsets;
pub mod table;
