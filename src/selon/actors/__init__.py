"""Actors: a gazetteer of countries, people and organisations, matched over tokens."""

from selon.actors.gazetteer import Entity, Gazetteer, Role, load_gazetteer
from selon.actors.matcher import ActorMatcher, Mention

__all__ = ["ActorMatcher", "Entity", "Gazetteer", "Mention", "Role", "load_gazetteer"]
