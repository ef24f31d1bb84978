//! A real SMTP server for the tests: Debian's aiosmtpd (python3-aiosmtpd) writing every message
//! it accepts into a Maildir. Tests stop and start it to play a mail server that is down.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct MailSink {
    pub port: u16,
    pub dir: PathBuf,
    child: Option<Child>,
    _root: tempfile::TempDir,
}

/// One received message, decoded.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub list_unsubscribe: Option<String>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

impl MailSink {
    /// Starts the sink on a free port.
    pub fn start() -> Self {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("maildir");
        let mut sink = MailSink { port: free_port(), dir, child: None, _root: root };
        sink.up();
        sink
    }

    /// The URL the app sends to.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// (Re)starts the server on the same port and Maildir, and waits until it accepts connections.
    pub fn up(&mut self) {
        assert!(self.child.is_none(), "the sink is already up");
        let python = if std::path::Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
        let child = Command::new(python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{}", self.port), "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&self.dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd starts (Debian package python3-aiosmtpd)");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "the SMTP sink did not start on port {}", self.port);
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server: connections are refused until `up`.
    pub fn down(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Every message received so far, in order of arrival.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        let Ok(entries) = std::fs::read_dir(self.dir.join("new")) else { return Vec::new() };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH), e.path()))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|(_, path)| {
                let raw = std::fs::read(&path).expect("message file");
                let message = mail_parser::MessageParser::default().parse(&raw).expect("a parsable message");
                ReceivedMail {
                    to: message.to().and_then(|a| a.first()).and_then(|a| a.address()).map(str::to_string).unwrap_or_default(),
                    subject: message.subject().unwrap_or_default().to_string(),
                    body: message.body_text(0).map(|b| b.to_string()).unwrap_or_default(),
                    list_unsubscribe: message.header_raw("List-Unsubscribe").map(|v| v.trim().to_string()),
                }
            })
            .collect()
    }

    pub fn messages_to(&self, address: &str) -> Vec<ReceivedMail> {
        self.messages().into_iter().filter(|m| m.to.eq_ignore_ascii_case(address)).collect()
    }
}

impl Drop for MailSink {
    fn drop(&mut self) {
        self.down();
    }
}

/// The first link in `body` that starts with `prefix` after the host (e.g. "/bevestigen/").
pub fn link_path(body: &str, prefix: &str) -> Option<String> {
    body.split_whitespace().find_map(|word| {
        let after_scheme = word.split_once("://")?.1;
        let path = &after_scheme[after_scheme.find('/')?..];
        path.starts_with(prefix).then(|| path.to_string())
    })
}
