from dashboards.selectors.dashboard import dashboard_panels


def shown_panels(response):
    """The panels a dashboard page shows, by slug: those of the scope it was built for (the page
    renders them once and then shows them from the shared cache)."""
    return dashboard_panels(response.context["scope"])
