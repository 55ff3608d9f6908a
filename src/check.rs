//! Field-by-field comparison of two JSON documents, for `lede check`.
//!
//! [`diff`] walks an expected and an actual document together and lists
//! every value that was added, removed or changed, each at a JSON pointer
//! (RFC 6901) path such as `/paragraphs/3/text`. Arrays are aligned on their
//! longest common subsequence, so one inserted paragraph reads as one
//! addition rather than as every later paragraph changing.
//!
//! ```
//! use serde_json::json;
//! let old = json!({"paragraphs": [{"text": "a"}, {"text": "b"}]});
//! let new = json!({"paragraphs": [{"text": "a"}, {"text": "x"}, {"text": "b"}]});
//! let d = lede::check::diff(&old, &new);
//! assert_eq!(d.len(), 1);
//! assert_eq!(d[0].path, "/paragraphs/1");
//! assert!(matches!(d[0].change, lede::check::Change::Added { .. }));
//! ```

use serde_json::Value;

/// What happened to one value.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The value is new in the actual document.
    Added {
        /// The new value.
        new: Value,
    },
    /// The value was in the expected document and is gone.
    Removed {
        /// The old value.
        old: Value,
    },
    /// The value is different.
    Changed {
        /// The expected value.
        old: Value,
        /// The actual value.
        new: Value,
    },
}

/// One difference between the expected and the actual document.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// JSON pointer to the value. Removed and changed values are named by
    /// their place in the expected document, added values by their place in
    /// the actual one.
    pub path: String,
    /// What changed.
    pub change: Change,
}

/// Arrays longer than this (product of both lengths) are compared index by
/// index instead of aligned, to keep the comparison fast on huge articles.
const ALIGN_LIMIT: usize = 1_000_000;

/// Every difference between `expected` and `actual`, in document order.
/// Object keys are compared regardless of order.
pub fn diff(expected: &Value, actual: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk(expected, actual, &mut String::new(), &mut out);
    out
}

/// Escape one reference token of a JSON pointer (`~` → `~0`, `/` → `~1`).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn walk(old: &Value, new: &Value, path: &mut String, out: &mut Vec<Difference>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, va) in a {
                let len = push(path, &escape_token(key));
                match b.get(key) {
                    Some(vb) => walk(va, vb, path, out),
                    None => out.push(Difference {
                        path: path.clone(),
                        change: Change::Removed { old: va.clone() },
                    }),
                }
                path.truncate(len);
            }
            for (key, vb) in b {
                if !a.contains_key(key) {
                    let len = push(path, &escape_token(key));
                    out.push(Difference {
                        path: path.clone(),
                        change: Change::Added { new: vb.clone() },
                    });
                    path.truncate(len);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => walk_array(a, b, path, out),
        _ if old == new => {}
        _ => out.push(Difference {
            path: path.clone(),
            change: Change::Changed {
                old: old.clone(),
                new: new.clone(),
            },
        }),
    }
}

/// Appends `/token` to `path` and returns the length to truncate back to.
fn push(path: &mut String, token: &str) -> usize {
    let len = path.len();
    path.push('/');
    path.push_str(token);
    len
}

fn walk_array(a: &[Value], b: &[Value], path: &mut String, out: &mut Vec<Difference>) {
    let pairs = if a.len().saturating_mul(b.len()) <= ALIGN_LIMIT {
        common_subsequence(a, b)
    } else {
        Vec::new()
    };
    // Between two matched anchors, pair the unmatched elements up as changes
    // (so a reworded paragraph shows its changed fields), then report the
    // rest as removed or added.
    let (mut i, mut j) = (0, 0);
    for (ai, bj) in pairs.into_iter().chain(std::iter::once((a.len(), b.len()))) {
        while i < ai && j < bj {
            let len = push(path, &i.to_string());
            walk(&a[i], &b[j], path, out);
            path.truncate(len);
            i += 1;
            j += 1;
        }
        while i < ai {
            let len = push(path, &i.to_string());
            out.push(Difference {
                path: path.clone(),
                change: Change::Removed { old: a[i].clone() },
            });
            path.truncate(len);
            i += 1;
        }
        while j < bj {
            let len = push(path, &j.to_string());
            out.push(Difference {
                path: path.clone(),
                change: Change::Added { new: b[j].clone() },
            });
            path.truncate(len);
            j += 1;
        }
        i = ai + 1;
        j = bj + 1;
    }
}

/// Index pairs of a longest common subsequence of equal elements.
fn common_subsequence(a: &[Value], b: &[Value]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: LCS length of a[i..] and b[j..].
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if a[i] == b[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equal_documents_have_no_difference() {
        let v = json!({"a": [1, 2, {"b": null}], "c": "x"});
        assert!(diff(&v, &v).is_empty());
    }

    #[test]
    fn changed_field_is_named_by_pointer() {
        let old = json!({"headline": {"text": "Old", "span": [0, 3]}});
        let new = json!({"headline": {"text": "New", "span": [0, 3]}});
        let d = diff(&old, &new);
        assert_eq!(
            d,
            [Difference {
                path: "/headline/text".into(),
                change: Change::Changed {
                    old: json!("Old"),
                    new: json!("New")
                },
            }]
        );
    }

    #[test]
    fn null_to_object_is_a_change() {
        let d = diff(
            &json!({"byline": null}),
            &json!({"byline": {"text": "By A"}}),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/byline");
    }

    #[test]
    fn removed_element_uses_old_index() {
        let d = diff(&json!([1, 2, 3]), &json!([1, 3]));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/1");
        assert_eq!(d[0].change, Change::Removed { old: json!(2) });
    }

    #[test]
    fn reworded_element_recurses() {
        let old = json!([{"t": "a", "s": 1}, {"t": "b", "s": 2}]);
        let new = json!([{"t": "a", "s": 1}, {"t": "B", "s": 2}]);
        let d = diff(&old, &new);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/1/t");
    }

    #[test]
    fn keys_are_escaped() {
        let d = diff(&json!({"a/b~c": 1}), &json!({"a/b~c": 2}));
        assert_eq!(d[0].path, "/a~1b~0c");
    }

    #[test]
    fn added_and_removed_keys() {
        let d = diff(&json!({"a": 1}), &json!({"b": 1}));
        assert_eq!(d.len(), 2);
        assert!(matches!(d[0].change, Change::Removed { .. }));
        assert!(matches!(d[1].change, Change::Added { .. }));
    }
}
