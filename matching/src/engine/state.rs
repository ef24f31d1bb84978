//! Matching state shared by the passes: which blocks are grouped together.

/// Old blocks `old` became new blocks `new` (both sorted, consecutive when
/// more than one).
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    /// Word similarity of the joined old and new texts.
    pub quote: f64,
    /// Formed in the exact pass on a text that is unique on both sides.
    pub unique_exact: bool,
}

/// Groups formed so far and the reverse lookups.
#[derive(Debug, Clone)]
pub(crate) struct State {
    pub groups: Vec<Group>,
    pub old_group: Vec<Option<usize>>,
    pub new_group: Vec<Option<usize>>,
}

impl State {
    pub fn new(old_len: usize, new_len: usize) -> Self {
        Self { groups: Vec::new(), old_group: vec![None; old_len], new_group: vec![None; new_len] }
    }

    pub fn old_free(&self, i: usize) -> bool {
        self.old_group.get(i).is_some_and(Option::is_none)
    }

    pub fn new_free(&self, j: usize) -> bool {
        self.new_group.get(j).is_some_and(Option::is_none)
    }

    pub fn add(&mut self, group: Group) {
        let id = self.groups.len();
        for &i in &group.old {
            self.old_group[i] = Some(id);
        }
        for &j in &group.new {
            self.new_group[j] = Some(id);
        }
        self.groups.push(group);
    }

    /// Replaces the blocks of group `id`, freeing and claiming as needed.
    pub fn reshape(&mut self, id: usize, old: Vec<usize>, new: Vec<usize>, quote: f64) {
        for &i in &self.groups[id].old {
            self.old_group[i] = None;
        }
        for &j in &self.groups[id].new {
            self.new_group[j] = None;
        }
        for &i in &old {
            self.old_group[i] = Some(id);
        }
        for &j in &new {
            self.new_group[j] = Some(id);
        }
        let group = &mut self.groups[id];
        group.old = old;
        group.new = new;
        group.quote = quote;
    }

    pub fn free_old(&self) -> Vec<usize> {
        (0..self.old_group.len()).filter(|&i| self.old_free(i)).collect()
    }

    pub fn free_new(&self) -> Vec<usize> {
        (0..self.new_group.len()).filter(|&j| self.new_free(j)).collect()
    }
}
