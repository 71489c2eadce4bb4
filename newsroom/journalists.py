"""Accreditation of journalists: sign-up, staff decision, sign-in."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Journalist


class SignUpForm(forms.ModelForm):
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )

    class Meta:
        model = Journalist
        fields = ["name", "outlet", "email", "press_card"]
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise forms.ValidationError(_("An account already exists for this email address."))
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") and cleaned.get("email"):
            user = get_user_model()(username=cleaned["email"], email=cleaned["email"])
            try:
                password_validation.validate_password(cleaned["password"], user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        data = self.cleaned_data
        # Inactive until staff approve the accreditation: signing in is refused until then.
        user = get_user_model().objects.create_user(
            username=data["email"], email=data["email"], password=data["password"], is_active=False
        )
        self.instance.user = user
        return super().save(commit)


def journalist_sign_up(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        return render(request, "newsroom/journalist_signup_done.html", status=201)
    return render(request, "newsroom/journalist_signup.html", {"form": form})


class JournalistSignIn(LoginView):
    template_name = "newsroom/journalist_signin.html"
    redirect_authenticated_user = True


@transaction.atomic
def journalist_decide(*, journalist, user, approve):
    """Staff accept or refuse an accreditation; the account is active only when accepted."""
    journalist.status = Journalist.Status.APPROVED if approve else Journalist.Status.REFUSED
    journalist.decided_at = timezone.now()
    journalist.decided_by = user
    journalist.save()
    journalist.user.is_active = approve
    journalist.user.save(update_fields=["is_active"])
    return journalist
