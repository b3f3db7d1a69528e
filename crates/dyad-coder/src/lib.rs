//! How a sentence is turned into events (see issue: the coder). Dictionaries load here.
