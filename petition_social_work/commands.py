"""Bench commands of the app (Frappe loads `commands` from here): `bench --site <site> make-petition-demo`."""

import sys

import click
import frappe
from frappe.commands import get_site, pass_context
from frappe.utils import strip_html


@click.command("make-petition-demo")
@click.option(
	"--seed",
	type=int,
	default=2025,
	show_default=True,
	help="Seed of the demo: the same seed gives the same data set.",
)
@click.option(
	"--petitioners",
	type=click.IntRange(min=1),
	default=100,
	show_default=True,
	help="How many petitioners to create; each gets one or more cases.",
)
@pass_context
def make_petition_demo(context, seed: int, petitioners: int):
	"""Fill a fresh site with demo staff, petitioners and cases in every state of the case lifecycle."""
	from petition_social_work.demo import make_demo

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		counts = make_demo(seed=seed, petitioners=petitioners)
	except frappe.ValidationError as error:
		click.secho(strip_html(str(error)), fg="yellow")
		sys.exit(1)
	finally:
		frappe.destroy()

	click.echo(f"Demo made on {site} (seed {seed}):")
	for heading, values in counts.items():
		if isinstance(values, dict):
			click.echo(f"  {heading}:")
			for key, count in values.items():
				click.echo(f"    {key}: {count}")
		else:
			click.echo(f"  {heading}: {values}")


commands = [make_petition_demo]
