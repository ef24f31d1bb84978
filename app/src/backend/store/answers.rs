use super::{Store, StoreError};
use time::OffsetDateTime;

/// One saved version of an answer; revisions are only ever added.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRevision {
    pub id: i64,
    pub comment_id: i64,
    pub revision_no: i64,
    pub body_markdown: String,
    pub status: String,
    pub processed_where: Option<String>,
    pub state: String,
    pub author: String,
    pub author_id: i64,
    pub created_at: OffsetDateTime,
    pub remark: Option<String>,
    pub change_reason: Option<String>,
    pub joint_id: Option<i64>,
}

const HISTORY_COLUMNS: &str = "r.id, r.comment_id, r.revision_no, r.body_markdown, r.status, r.processed_where, r.state, \
     u.display_name AS author, r.author_id, r.created_at, r.remark, r.change_reason, r.joint_id";

impl Store {
    /// All revisions of the answers to a consultation's comments, newest first per comment.
    #[tracing::instrument(skip(self))]
    pub async fn answer_history(&self, consultation_id: i64) -> Result<Vec<AnswerRevision>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!(
                "SELECT {HISTORY_COLUMNS} \
             FROM answer_revisions r \
             JOIN comments m ON m.id = r.comment_id \
             JOIN users u ON u.id = r.author_id \
             WHERE m.consultation_id = $1 \
             ORDER BY r.comment_id, r.revision_no DESC"
            ))
            .bind(consultation_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// All revisions of these reactions' answers, newest first per reaction.
    #[tracing::instrument(skip(self, ids), fields(count = ids.len()))]
    pub async fn answer_history_of(&self, ids: &[i64]) -> Result<Vec<AnswerRevision>, StoreError> {
        with_pool!(self, |pool| {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let mut q = sqlx::QueryBuilder::<Db>::new(format!(
                "SELECT {HISTORY_COLUMNS} FROM answer_revisions r JOIN users u ON u.id = r.author_id WHERE r.comment_id IN ("
            ));
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY r.comment_id, r.revision_no DESC");
            Ok(q.build_query_as().fetch_all(pool).await?)
        })
    }
}
