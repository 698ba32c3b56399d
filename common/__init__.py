"""The ground floor: helpers every app may use. Nothing here imports a project app."""
