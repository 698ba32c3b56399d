"""English and French columns for the survey text kept in the database (django-modeltranslation):
instruments' names and descriptions, questions' text and options, surveys' titles. 0004 copies
the text typed so far into the English columns; 0005 gives the standard instruments their French."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('evaluations', '0002_standard_instruments'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='instrument',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='instrument',
            name='description_fr',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='instrument',
            name='name_en',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='instrument',
            name='name_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='question',
            name='options_en',
            field=models.TextField(blank=True, help_text='For a choice question: one option per line.', null=True, verbose_name='options'),
        ),
        migrations.AddField(
            model_name='question',
            name='options_fr',
            field=models.TextField(blank=True, help_text='For a choice question: one option per line.', null=True, verbose_name='options'),
        ),
        migrations.AddField(
            model_name='question',
            name='text_en',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='question',
            name='text_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='survey',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='survey',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddConstraint(
            model_name='instrument',
            constraint=models.UniqueConstraint(condition=models.Q(('is_standard', True)), fields=('name_en', 'audience'), name='instrument_standard_unique-en'),
        ),
        migrations.AddConstraint(
            model_name='instrument',
            constraint=models.UniqueConstraint(condition=models.Q(('is_standard', True)), fields=('name_fr', 'audience'), name='instrument_standard_unique-fr'),
        ),
    ]
