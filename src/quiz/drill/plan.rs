//! Which cards a drill session asks, and in what order.
//!
//! 1. Cards due for review ([`ReviewDeck::due_keys`]: the most overdue
//!    first), as SM-2 in [`crate::quiz::review`] scheduled them.
//! 2. Then new cards, never reviewed. A STATUS card becomes available once
//!    its phase card has been reviewed, and a RESTARTS or READY card once
//!    its STATUS card has: the drill starts easy and grows harder. New cards are
//!    shuffled with the session seed and taken from the four categories in
//!    turn, so a session mixes restart policies, image pulls, node loss,
//!    owners, probes, memory limits and missing ConfigMaps.
//!
//! The same deck, time, count and seed always give the same plan.

use super::card::{self, Card, Field, category};
use crate::quiz::review::ReviewDeck;
use crate::quiz::shuffle::shown_order;
use crate::timestamp::Timestamp;
use std::collections::BTreeMap;

/// The cards to ask, and how many of them (the first ones) are due reviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub cards: Vec<Card>,
    pub due: usize,
}

impl Plan {
    pub fn new_cards(&self) -> usize {
        self.cards.len() - self.due
    }
}

/// Plan a session of up to `count` cards at `now`.
pub fn plan(deck: &ReviewDeck, now: Timestamp, count: usize, seed: u64) -> Plan {
    let all = card::all();
    let by_key: BTreeMap<String, Card> = all.iter().map(|c| (c.key(), *c)).collect();
    let mut cards: Vec<Card> = deck
        .due_keys(now)
        .into_iter()
        .filter_map(|k| by_key.get(k).copied())
        .take(count)
        .collect();
    let due = cards.len();
    if cards.len() < count {
        let seen = |c: Card| deck.card(&c.key()).is_some();
        let fresh: Vec<Card> = all
            .iter()
            .copied()
            .filter(|&c| !seen(c))
            .filter(|&c| match c.field {
                Field::Phase => true,
                Field::Status => seen(c.with_field(Field::Phase)),
                Field::Restarts | Field::Ready => seen(c.with_field(Field::Status)),
            })
            .collect();
        let order = shown_order(fresh.len(), seed);
        let mut queues: Vec<Vec<Card>> = category::ALL
            .iter()
            .map(|cat| {
                order
                    .iter()
                    .map(|&i| fresh[i])
                    .filter(|c| c.category() == *cat)
                    .collect()
            })
            .collect();
        for q in &mut queues {
            q.reverse(); // pop from the end = take in shuffled order
        }
        let mut turn = (seed % queues.len() as u64) as usize;
        while cards.len() < count && queues.iter().any(|q| !q.is_empty()) {
            if let Some(c) = queues[turn].pop() {
                cards.push(c);
            }
            turn = (turn + 1) % queues.len();
        }
    }
    Plan { cards, due }
}
