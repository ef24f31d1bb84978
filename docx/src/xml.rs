//! A small namespace-normalised XML tree built with `quick-xml`.
//!
//! Element and attribute names are rewritten to canonical prefixes (`w:`, `r:`, `m:`, ...) based on
//! their namespace URI, so the converter does not depend on the prefixes a producer happened to
//! choose. Names in namespaces the converter does not know keep the `x:` prefix.

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use quick_xml::{XmlVersion, escape};

use crate::DocxError;

/// Deepest element nesting accepted; protects the recursive walkers against stack exhaustion.
const MAX_DEPTH: usize = 256;

/// One element with its attributes and children.
#[derive(Debug, Default)]
pub(crate) struct Element {
    /// Canonical qualified name, e.g. `w:p`.
    pub name: String,
    /// Attributes with canonical qualified names, e.g. `w:val`, `r:id`.
    pub attrs: Vec<(String, String)>,
    /// Child nodes in document order.
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// Value of the attribute with this canonical name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// First child element with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// `w:val` of the first child element with this name.
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|e| e.attr("w:val"))
    }

    /// Concatenated text of all descendant text nodes.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }

    /// Whether any descendant (not self) has this name.
    pub fn has_descendant(&self, name: &str) -> bool {
        self.elements().any(|e| e.name == name || e.has_descendant(name))
    }
}

/// Canonical prefix for a namespace URI.
fn prefix_for(namespace: &[u8]) -> &'static str {
    match namespace {
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main" | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => "w",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        | b"http://purl.oclc.org/ooxml/officeDocument/relationships" => "r",
        b"http://schemas.openxmlformats.org/package/2006/relationships" => "rel",
        b"http://schemas.openxmlformats.org/package/2006/content-types" => "ct",
        b"http://schemas.openxmlformats.org/markup-compatibility/2006" => "mc",
        b"http://schemas.openxmlformats.org/officeDocument/2006/math" | b"http://purl.oclc.org/ooxml/officeDocument/math" => "m",
        b"urn:schemas-microsoft-com:vml" => "v",
        b"http://schemas.openxmlformats.org/drawingml/2006/chart" | b"http://purl.oclc.org/ooxml/drawingml/chart" => "c",
        b"http://schemas.openxmlformats.org/drawingml/2006/diagram" | b"http://purl.oclc.org/ooxml/drawingml/diagram" => "dgm",
        b"http://purl.org/dc/elements/1.1/" => "dc",
        _ => "x",
    }
}

fn qualified(resolved: &ResolveResult<'_>, local: &[u8]) -> String {
    let local = String::from_utf8_lossy(local);
    match resolved {
        ResolveResult::Bound(ns) => format!("{}:{}", prefix_for(ns.as_ref()), local),
        ResolveResult::Unbound => local.into_owned(),
        ResolveResult::Unknown(_) => format!("x:{local}"),
    }
}

fn malformed(part: &str, err: impl std::fmt::Display) -> DocxError {
    DocxError::Malformed(format!("{part}: {err}"))
}

/// Parses a whole XML part into a tree and returns its root element.
pub(crate) fn parse(part: &str, bytes: &[u8]) -> Result<Element, DocxError> {
    let mut reader = NsReader::from_reader(bytes);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(|e| malformed(part, e))?;
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                let name = qualified(&resolved, start.local_name().as_ref());
                let mut attrs = Vec::new();
                for attr in start.attributes() {
                    let attr = attr.map_err(|e| malformed(part, e))?;
                    if attr.key.as_namespace_binding().is_some() {
                        continue;
                    }
                    let (ns, local) = reader.resolver().resolve_attribute(attr.key);
                    let key = qualified(&ns, local.as_ref());
                    let value =
                        attr.decoded_and_normalized_value(XmlVersion::Implicit1_0, reader.decoder()).map_err(|e| malformed(part, e))?;
                    attrs.push((key, value.into_owned()));
                }
                let element = Element { name, attrs, children: Vec::new() };
                if matches!(event, Event::Start(_)) {
                    if stack.len() > MAX_DEPTH {
                        return Err(malformed(part, "elements nested too deeply"));
                    }
                    stack.push(element);
                } else if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Element(element));
                }
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err(malformed(part, "unexpected end tag"));
                }
                if let Some(done) = stack.pop()
                    && let Some(parent) = stack.last_mut()
                {
                    parent.children.push(Node::Element(done));
                }
            }
            Event::Text(text) => {
                let text = text.xml10_content().map_err(|e| malformed(part, e))?;
                push_text(&mut stack, &text);
            }
            Event::CData(data) => {
                let text = data.decode().map_err(|e| malformed(part, e))?;
                push_text(&mut stack, &text);
            }
            Event::GeneralRef(reference) => {
                if let Some(ch) = reference.resolve_char_ref().map_err(|e| malformed(part, e))? {
                    push_text(&mut stack, ch.encode_utf8(&mut [0; 4]));
                } else {
                    let name = reference.decode().map_err(|e| malformed(part, e))?;
                    match escape::resolve_predefined_entity(&name) {
                        Some(value) => push_text(&mut stack, value),
                        None => return Err(malformed(part, format!("unknown entity &{name};"))),
                    }
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(malformed(part, "unexpected end of document"));
    }
    stack
        .pop()
        .and_then(|doc| {
            doc.children.into_iter().find_map(|n| match n {
                Node::Element(e) => Some(e),
                Node::Text(_) => None,
            })
        })
        .ok_or_else(|| malformed(part, "no root element"))
}

fn push_text(stack: &mut [Element], text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(parent) = stack.last_mut() {
        if let Some(Node::Text(last)) = parent.children.last_mut() {
            last.push_str(text);
        } else {
            parent.children.push(Node::Text(text.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_normalised_and_entities_resolved() {
        let xml = br#"<?xml version="1.0"?><a:document xmlns:a="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:q="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><a:t q:id="rId1" a:val="x">A &amp; B&#233;</a:t></a:document>"#;
        let root = parse("test", xml).expect("parses");
        assert_eq!(root.name, "w:document");
        let t = root.child("w:t").expect("child");
        assert_eq!(t.attr("r:id"), Some("rId1"));
        assert_eq!(t.attr("w:val"), Some("x"));
        assert_eq!(t.text(), "A & Bé");
    }

    #[test]
    fn broken_xml_is_malformed() {
        assert!(matches!(parse("test", b"<a><b></a>"), Err(DocxError::Malformed(_))));
    }
}
