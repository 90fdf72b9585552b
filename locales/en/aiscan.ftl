# AI readiness and responsible use (flows/aiscan.toml), English.
# Scale labels, q-ambition, q-role and the role options are in quickscan.ftl.

aiscan-title = AI readiness and responsible use
aiscan-intro = About 4 minutes: 12 statements on how your { -org } uses AI, in 6 themes, after each theme where you think we should realistically be in two years, and last your role. It is about the AI tools you meet in your work, generative AI such as chatbots included. Choose "Don't know" when you can't judge something: that is useful information too.

## Dimensions

ai-dim-r = Rules & ownership
ai-dim-l = Lawful & explainable
ai-dim-p = Privacy & security
ai-dim-h = Human oversight
ai-dim-s = AI literacy
ai-dim-v = Value beyond pilots

## Questions

ai-q-r1 = I know which AI tools, generative AI included, I may use for my work, and with which data.
ai-q-r2 = Every AI application we use has an owner and is on a list the organisation keeps up to date, such as the public Algorithm Register.
ai-q-l1 = Before we use an AI application, we check its legal basis, its risk class under the EU AI Act and its impact on people's rights (for example with an IAMA).
ai-q-l2 = We could explain to a resident how AI played a part in a decision about them, and how they can object.
ai-q-p1 = A privacy check (DPIA) is done before AI works with personal data.
ai-q-p2 = No personal or confidential data goes into public AI tools, and staff know why.
ai-q-h1 = A person checks what AI produces before it affects a resident.
ai-q-h2 = AI in use is monitored for errors and bias, and someone can and will switch it off.
ai-q-s1 = How well do you know what AI can and cannot do in your work, and what its risks are?
ai-q-s2 = The organisation gives time and training to learn to work with AI responsibly.
ai-q-v1 = We use AI where it adds value for residents or staff: beyond pilots, in supported everyday use.
ai-q-v2 = We stop AI pilots that do not deliver, and we decide that on purpose.

ai-flag = Attention: lawful and explainable use scores { $score }, below 2. Check the legal basis of AI in use and how you would explain it, before anything else.

## Next steps per dimension and level reached

ai-next-r-1 = Ask your manager which AI tools you may use, and with which data, and put the answer where colleagues can find it.
ai-next-r-2 = Write down one short set of rules on which AI tools are allowed, for what, and with which data.
ai-next-r-3 = List every AI application in use and give each one an owner.
ai-next-r-4 = Keep the list up to date and public, and review the rules every year.
ai-next-r-5 = Share your rules and your list with other governments.
ai-next-l-1 = Pick one AI application you use and check its legal basis.
ai-next-l-2 = Agree that no AI goes into use before its legal basis and its risk under the EU AI Act are checked.
ai-next-l-3 = Assess the impact on fundamental rights for every high-risk application, and write down how a decision can be explained.
ai-next-l-4 = Tell residents in plain words where AI plays a part in decisions, and how they can object.
ai-next-l-5 = Help other governments with your approach to lawful and explainable AI.
ai-next-p-1 = Never put personal or confidential data into public AI tools, starting today.
ai-next-p-2 = Make a privacy check (DPIA) a fixed step before AI works with personal data.
ai-next-p-3 = Offer a safe, approved AI tool for work with internal data, and explain why the public ones are off limits.
ai-next-p-4 = Test AI applications for security and data leaks before use and at regular intervals.
ai-next-p-5 = Share your privacy and security practice for AI with others.
ai-next-h-1 = Agree that a person always checks AI output before it reaches a resident.
ai-next-h-2 = Name, for each AI application, who checks its output and who may switch it off.
ai-next-h-3 = Monitor AI in use for errors and bias, and keep a record of what you find.
ai-next-h-4 = Evaluate the monitoring regularly, with the people who work with the output.
ai-next-h-5 = Share how you keep people in control of AI with other governments.
ai-next-s-1 = Take a short introduction to AI: what it can do, what it cannot, and its risks.
ai-next-s-2 = Try an approved AI tool on a real task, and check its output yourself.
ai-next-s-3 = Use AI in your work where it helps, and help a colleague get started.
ai-next-s-4 = Take on a role as a guide, and keep up with new tools and their risks.
ai-next-s-5 = Organise short sessions so that colleagues learn to use AI responsibly.
ai-next-v-1 = Name one task where AI could really help residents or staff, and describe what success would look like.
ai-next-v-2 = Choose the most promising pilot and decide what it needs to become supported everyday use.
ai-next-v-3 = Measure what AI in use delivers, and agree when a pilot stops.
ai-next-v-4 = Stop what does not deliver, and scale up what does, with support and a budget.
ai-next-v-5 = Share your results, including what you stopped, with other governments.

# What each level of a theme looks like (issue 23)
ai-level-r-1 = There are no agreements on AI: nobody knows which tools are allowed, or who owns them.
ai-level-r-2 = Some teams have made their own agreements on AI tools, but they differ and are not written down.
ai-level-r-3 = There are written rules on which AI tools may be used and with which data, and every AI application has an owner.
ai-level-r-4 = The rules are known and followed, the list of AI applications is kept up to date, and owners report on their use.
ai-level-r-5 = Rules, owners and the list are reviewed regularly, and shared with other governments.
ai-level-l-1 = Nobody checks whether an AI application is lawful, or whether its outcomes can be explained.
ai-level-l-2 = Now and then a legal basis is checked, after an application is already in use.
ai-level-l-3 = Before use, every AI application is checked for its legal basis and risk class, and the check is written down.
ai-level-l-4 = High-risk applications are assessed for their impact on people's rights, and every decision they support can be explained to residents.
ai-level-l-5 = The organisation publishes how its AI applications work and what they decide, and learns from objections.
ai-level-p-1 = Personal or confidential data may end up in public AI tools; nobody has said it must not.
ai-level-p-2 = People know public AI tools are risky, but there is no safe alternative.
ai-level-p-3 = Personal data stays out of public AI tools, and there is a safe, approved tool for work with internal data.
ai-level-p-4 = Every AI application has a DPIA and a security check before use, and incidents are reported and followed up.
ai-level-p-5 = Privacy and security are designed in from the start, tested regularly, and shared as an example.
ai-level-h-1 = AI output reaches residents without anyone checking it.
ai-level-h-2 = Some people check AI output, but there is no agreement to do so.
ai-level-h-3 = It is agreed that a person always checks AI output before it reaches a resident.
ai-level-h-4 = AI in use is monitored for errors and bias, and what is found is recorded and acted on.
ai-level-h-5 = People can stop or overrule an AI application at any time, and residents can ask for a person to decide.
ai-level-s-1 = Most people do not know what AI can and cannot do, or what its risks are.
ai-level-s-2 = Some people have taught themselves about AI; others have not started.
ai-level-s-3 = Everyone has had a short introduction to AI: what it can do, what it cannot, and its risks.
ai-level-s-4 = People use AI in their work where it helps, and there is training that goes further for those who need it.
ai-level-s-5 = People teach colleagues and other organisations how to use AI well and responsibly.
ai-level-v-1 = It is unclear what AI could bring; nothing is being tried.
ai-level-v-2 = There are loose experiments with AI, without a clear aim.
ai-level-v-3 = There are pilots with a clear aim and an agreed moment to decide whether they go on.
ai-level-v-4 = AI applications that prove their worth move from pilot to supported use, and what they deliver is measured.
ai-level-v-5 = AI delivers measurable value for residents and staff, and successful applications are shared with other governments.

# A team's next step per theme and level (issue 23)
ai-team-next-r-1 = Ask your manager which AI tools the team may use and with which data, and write the answer down for everyone.
ai-team-next-r-2 = Bring the team's own agreements on AI in line with the organisation's, and write them down.
ai-team-next-r-3 = Give each AI application the team uses an owner, and put it on the organisation's list.
ai-team-next-r-4 = Review the team's AI agreements and its applications with their owners twice a year.
ai-team-next-r-5 = Share the team's AI agreements with other teams and governments.
ai-team-next-l-1 = Pick one AI application the team uses, and check its legal basis together.
ai-team-next-l-2 = Check the legal basis and risk class of every AI application before the team starts using it.
ai-team-next-l-3 = Assess the impact on people's rights for the team's high-risk applications, and write down how a decision can be explained.
ai-team-next-l-4 = Practise explaining a decision supported by AI to a resident, and improve the explanation.
ai-team-next-l-5 = Publish how the team's AI applications work, and learn from the questions and objections you get.
ai-team-next-p-1 = Agree as a team, starting today, that no personal or confidential data goes into public AI tools.
ai-team-next-p-2 = Ask for a safe, approved AI tool for the team's work with internal data.
ai-team-next-p-3 = Make a DPIA and a security check part of starting with any new AI application in the team.
ai-team-next-p-4 = Report and follow up every AI incident in the team, and discuss what you learned.
ai-team-next-p-5 = Share how the team builds privacy and security into its work with AI.
ai-team-next-h-1 = Agree that someone in the team always checks AI output before it reaches a resident.
ai-team-next-h-2 = Write down who in the team checks AI output, and how.
ai-team-next-h-3 = Keep a record of the errors and bias the team finds in AI output, and act on them.
ai-team-next-h-4 = Make sure every team member can stop or overrule an AI application, and knows when to.
ai-team-next-h-5 = Let residents ask for a person to decide, and share how the team arranged it.
ai-team-next-s-1 = Take a short introduction to AI together as a team: what it can do, what it cannot, and its risks.
ai-team-next-s-2 = Let team members show each other how they use AI, and what went wrong.
ai-team-next-s-3 = Pick tasks where AI helps the team, and help each other get started.
ai-team-next-s-4 = Arrange further training for the team members who work with AI the most.
ai-team-next-s-5 = Teach other teams how to use AI well and responsibly.
ai-team-next-v-1 = Name one task as a team where AI could really help residents or colleagues, and what success would look like.
ai-team-next-v-2 = Give the team's AI experiment a clear aim and an agreed moment to decide.
ai-team-next-v-3 = Measure what the team's pilot delivers, and decide whether it stops or grows.
ai-team-next-v-4 = Move an AI application that proved its worth into supported use, and keep measuring.
ai-team-next-v-5 = Share the value the team's AI brings with other governments.
