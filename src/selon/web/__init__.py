"""The explorer: `selon serve` — events, the actor graph, a timeline and each article with its
events' sentences highlighted, over a read-only JSON API."""
