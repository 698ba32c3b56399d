"""The dashboards' reads, one module per concept. Each builds panels (dashboards.panels) from
figures aggregated in the database, a fixed number of queries whatever the data size."""
