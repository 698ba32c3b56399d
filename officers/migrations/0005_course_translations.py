"""Course names in English and French (django-modeltranslation's `name_en`, `name_fr`); 0006
fills them."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('officers', '0004_history'),
    ]

    operations = [
        migrations.AddField(
            model_name='course',
            name='name_en',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='course',
            name='name_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
    ]
