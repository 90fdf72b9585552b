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
