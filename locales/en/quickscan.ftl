# The digital maturity quick scan (flows/quickscan.toml), English.

-org = municipality

quickscan-title = Digital maturity quick scan
quickscan-intro = About 6 minutes, some { $questions } questions: { $statements } statements about your { -org } in 7 themes, after each theme where you think we should realistically be in two years, and last your role. There are no wrong answers. Choose "Don't know" when you can't judge something: that is useful information too.
## Scales

scale-level-1 = Not started
scale-level-2 = Ad hoc
scale-level-3 = Agreed
scale-level-4 = Embedded
scale-level-5 = Leading
scale-skill-1 = I need help
scale-skill-2 = Basic
scale-skill-3 = Independent
scale-skill-4 = Advanced
scale-skill-5 = I teach others
scale-dont-know = Don't know

## Dimensions

dim-a = Vision & leadership
dim-b = Data-driven work
dim-c = Citizen-centred & inclusive
dim-d = Public values
dim-e = AI readiness
dim-f = Skills
dim-g = Culture & collaboration

## Questions

q-a1 = Management in our { -org } acts on a vision for digital work and data.
q-a2 = Ownership of digital work and data sits at the top of the organisation (for example with the municipal secretary, an alderman or a CIO).
q-b1 = We use data to prepare decisions and to evaluate policy.
q-b2 = For each of our important data sets, we know who owns it.
q-c1 = We design and test our services together with residents.
q-c2 = Residents who cannot keep up digitally get a good alternative: a service desk, the phone, personal help.
q-d1 = Every new project that uses personal data starts with a privacy check (DPIA).
q-d2 = We could explain to a resident how a decision supported by an algorithm was made.
q-d3 = Before we use an algorithm, we assess its impact on people's rights.
q-e1 = It is clear which AI tools (including generative AI) staff may use, and for what.
q-e2 = AI has moved beyond pilots into everyday use, with support and monitoring.
q-f1 = How confident do you feel working with data, digital tools and AI tools?
q-f2 = The organisation gives time and training to grow digital skills.
q-g1 = There is room to experiment on a small scale and to learn from what fails.
q-g2 = Departments, and other governments, share solutions instead of each working in their own silo.
q-ambition = { $dimension }: where should we realistically be in 2 years?
q-role = Finally, your role. We use it only to group results, never to single anyone out.

role-policy = Policy
role-service = Service desk and front office
role-it-data = IT, information or data
role-management = Management
role-other = Other

## Next steps per dimension and level reached

next-a-1 = Write down, on one page, what digital work should bring residents and staff, and discuss it in the management team.
next-a-2 = Turn the loose initiatives into one agreed vision with a few measurable goals.
next-a-3 = Make one director accountable for digital and data, and put progress on the management agenda every quarter.
next-a-4 = Tie the vision to budget and planning cycles, and report on it openly.
next-a-5 = Share how you steer with other organisations and review the vision yearly.
next-b-1 = Pick one decision that is coming up and prepare it with the data you already have.
next-b-2 = Make an inventory of your key data sets with an owner for each.
next-b-3 = Agree on quality rules for the most reused data and measure them.
next-b-4 = Evaluate policy with data as a matter of routine and publish open data where you can.
next-b-5 = Help other organisations reuse your data and your way of working.
next-c-1 = Invite a few residents to try one service before you change it.
next-c-2 = Make testing with residents, including those who struggle digitally, a fixed step in every service change.
next-c-3 = Measure how residents experience your services, online and at the service desk, and act on it.
next-c-4 = Design services around life events together with partners, with a personal alternative always at hand.
next-c-5 = Share what you learn about inclusive services with others.
next-d-1 = Start today: do a privacy check (DPIA) for every new project that uses personal data.
next-d-2 = Make privacy and security checks a standard step in every project and write down how decisions are explained.
next-d-3 = Keep a register of the algorithms you use and check each one before use.
next-d-4 = Publish your algorithms and have their impact reviewed regularly, with residents involved.
next-d-5 = Help others with your approach to responsible algorithms.
next-e-1 = Agree which AI tools staff may use, and for what, and tell everyone.
next-e-2 = Choose one promising pilot and decide what it needs to become supported, monitored use.
next-e-3 = Set up monitoring, support and a clear owner for each AI application in use.
next-e-4 = Evaluate the value and risks of AI in use regularly and stop what does not work.
next-e-5 = Share your AI practice and guidelines with other governments.
next-f-1 = Pick a tool you use every week and ask a colleague to help you with it, or find a course that fits.
next-f-2 = Spend an hour a month learning one new thing about data or AI.
next-f-3 = Apply your skills in a real task and help a colleague get started.
next-f-4 = Take on a role as a guide in projects and keep up with new tools.
next-f-5 = Organise short learning sessions so that others grow too.
next-g-1 = Start one small experiment with a clear question and a short deadline.
next-g-2 = Evaluate experiments openly, including what failed, and share the lessons.
next-g-3 = Work across departments on one shared problem with a shared goal.
next-g-4 = Reuse solutions of other governments before building your own.
next-g-5 = Offer your solutions to others and keep learning from them.

## Reference lines (figures as published; source and year are in the flow file)

region-nl = the Netherlands
region-be = Belgium
region-oecd = OECD average
region-eu = EU average
ref-dgi = OECD Digital Government Index, 0 to 1
ref-dgi-design = digital by design
ref-dgi-data = data-driven
ref-dgi-platform = government as a platform
ref-dgi-open = open by default
ref-dgi-user = user-driven
ref-dgi-proactive = proactive
ref-skills = People with at least basic digital skills

# issue 22: a source named in each language
ref-source-oecd = OECD

# What each level of a theme looks like (issue 23)
level-a-1 = There is no shared picture of what digital work should bring; what happens depends on individuals.
level-a-2 = Some departments have plans of their own, but there is no agreed vision and nobody at the top owns it.
level-a-3 = An agreed vision with a few measurable goals exists, and one director is accountable for digital work and data.
level-a-4 = Management steers on the vision: it is in the budget and the planning cycle, and progress is reported openly.
level-a-5 = The vision is reviewed every year, with residents and partners, and other organisations learn from how you steer.
level-b-1 = Decisions are made without data, and nobody knows which data the organisation holds.
level-b-2 = Some teams use data for reports, but its quality and who owns it are unclear.
level-b-3 = Important decisions are prepared with data, and the main data sets have an owner and a known quality.
level-b-4 = Data is used as a matter of course to prepare and evaluate policy, and it is reused across departments.
level-b-5 = Data is shared openly wherever it may be, and policy is evaluated with it all the time.
level-c-1 = Services are designed from the organisation's point of view; residents are not involved.
level-c-2 = Now and then residents are asked what they think, once a service is already built.
level-c-3 = New services are tested with residents, and people who cannot keep up digitally get a good alternative.
level-c-4 = Services are designed with residents from the start, including people with few digital skills.
level-c-5 = Residents help shape services all the time, and nobody is left without a good way in.
level-d-1 = Privacy, security and explainability get attention only when something goes wrong.
level-d-2 = A DPIA or a security check happens in some projects, depending on who runs them.
level-d-3 = A DPIA and a security check are standard in every new project, and the algorithms in use are listed.
level-d-4 = Every algorithm is checked for its legal basis and its impact on people's rights before use, and published; decisions can be explained to residents.
level-d-5 = Public values are weighed openly in every choice, and the organisation is open about how it uses algorithms.
level-e-1 = It is unclear whether, and how, people may use AI tools at work.
level-e-2 = Some people try AI tools on their own, without agreements.
level-e-3 = It is clear which AI tools may be used, for what and with which data; there are pilots.
level-e-4 = AI has moved beyond pilots into supported use, with monitoring and an owner for each application.
level-e-5 = AI is used responsibly on a larger scale, evaluated regularly, and shared with other governments.
level-f-1 = Most people need help with data and digital tools, and there is no time to learn.
level-f-2 = People have basic skills; learning happens on their own initiative.
level-f-3 = People work independently with data and digital tools, and there is time and training for it.
level-f-4 = Many are advanced, and learning is part of the work and of the yearly review.
level-f-5 = People teach others, inside and outside the organisation.
level-g-1 = Mistakes are avoided, and departments work in silos.
level-g-2 = Some teams experiment, but what they learn is seldom shared.
level-g-3 = There is room to experiment on a small scale and learn from failure, and departments share solutions.
level-g-4 = Experimenting and sharing are the normal way of working, with other governments too.
level-g-5 = Solutions are built together with other governments and shared openly.

# A team's next step per theme and level: what a team does together (issue 23)
team-next-a-1 = Discuss in a team meeting what digital work should bring your residents, and take the three main points to management.
team-next-a-2 = Link the team's own plans to one shared picture: which goals do they serve, and which plans can go?
team-next-a-3 = Put the team's part of the vision in the team plan, with one measurable goal and someone who owns it.
team-next-a-4 = Review the team's digital goals every quarter, and report the progress to management.
team-next-a-5 = Share with other teams and municipalities how your team turns the vision into work.
team-next-b-1 = Pick one decision the team takes often, and list the data you would want for it.
team-next-b-2 = Agree who in the team owns each data set you use, and write down how good it is.
team-next-b-3 = Prepare the team's next important decision with data, and look back afterwards at what the data told you.
team-next-b-4 = Evaluate part of the team's work with data every quarter, and share the data with the teams that need it.
team-next-b-5 = Open up the team's data wherever it may be shared, and help other teams use it.
team-next-c-1 = Invite a few residents to tell the team how they experience one of your services.
team-next-c-2 = Test the team's next change with residents before it goes live.
team-next-c-3 = Check together that each of the team's digital services has a good alternative, in person or by phone.
team-next-c-4 = Design the team's next service with residents from the start, including people with few digital skills.
team-next-c-5 = Let residents keep helping the team improve its services, and share what works.
team-next-d-1 = Go through one of the team's projects together: which personal data does it use, and does it need a DPIA?
team-next-d-2 = Agree as a team that every new project starts with a DPIA and a security check.
team-next-d-3 = List the algorithms the team uses, and check each one for its legal basis and its impact on people's rights.
team-next-d-4 = Practise as a team how you explain to a resident how a decision supported by an algorithm was made.
team-next-d-5 = Share with other teams and municipalities how your team weighs public values.
team-next-e-1 = Agree as a team which AI tools you may use, for what and with which data, and ask where it is unclear.
team-next-e-2 = Collect what team members already try with AI, and choose one use to try properly.
team-next-e-3 = Run one pilot as a team, with a clear aim and an agreed moment to decide whether it goes on.
team-next-e-4 = Give every AI application the team uses an owner, and review its results regularly.
team-next-e-5 = Share the team's AI applications and what you learned with other teams and governments.
team-next-f-1 = Set aside time in the team to learn the basics of data and digital tools together.
team-next-f-2 = Pair team members who are confident with data and digital tools with those who are not yet.
team-next-f-3 = Make learning part of the team plan: each member picks one skill to improve this year.
team-next-f-4 = Let team members share what they learned in a short session every month.
team-next-f-5 = Let the team teach other teams and municipalities what it does well.
team-next-g-1 = Choose one small experiment as a team, and agree beforehand that it may fail.
team-next-g-2 = Share what the team learned from an experiment with another department.
team-next-g-3 = Before the team builds something, look for a solution another team or municipality already has.
team-next-g-4 = Work on a shared problem with another team or government, and report what it brought.
team-next-g-5 = Build the team's next solution together with other governments, and share it openly.
